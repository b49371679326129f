namespace Telemetry.Ingest.Storage.Spool;

/// <summary>One append-only segment file of the spool and what it holds.</summary>
internal sealed class SpoolSegment(long id, string path)
{
    public long Id { get; } = id;

    public string Path { get; } = path;

    /// <summary>Valid bytes (a torn tail is cut off on open).</summary>
    public long Bytes { get; set; }

    /// <summary>Readings in the segment's records.</summary>
    public long Readings { get; set; }

    /// <summary>Bytes and readings already replayed to the store (only the oldest segment has any).</summary>
    public long ReplayedBytes { get; set; }

    public long ReplayedReadings { get; set; }
}
