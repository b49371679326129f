using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Spool;

/// <summary>The oldest records of the spool, read for replay; <see cref="ReadingSpool.Commit"/> removes them once stored.</summary>
internal sealed class SpoolChunk(long segmentId, long endOffset, long records, IReadOnlyList<Reading> readings, long spooledReadings)
{
    public long SegmentId { get; } = segmentId;

    public long EndOffset { get; } = endOffset;

    public long Records { get; } = records;

    public IReadOnlyList<Reading> Readings { get; } = readings;

    /// <summary>Readings as counted when spooled (devices dropped from the registry since are in this, not in <see cref="Readings"/>).</summary>
    public long SpooledReadings { get; } = spooledReadings;
}
