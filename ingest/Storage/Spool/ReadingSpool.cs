using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Spool;

/// <summary>
/// A bounded, append-only on-disk log of readings that could not be written to the store: segment files under
/// <c>Storage:Spool:Path</c>, each record synced to disk before <see cref="Append"/> returns (so the MQTT message may then be
/// acknowledged). Replay reads the oldest records first; a record is removed only after the store has it, and a crash in
/// between replays it again, which the store's idempotent upsert absorbs. Beyond <c>Storage:Spool:MaxBytes</c> the oldest
/// segment is dropped — logged as an error and counted. Used by one thread at a time (the writer loop); counters are safe to read anywhere.
/// </summary>
internal sealed partial class ReadingSpool : IDisposable
{
    private const string Extension = ".spool";
    private readonly List<SpoolSegment> _segments = [];
    private readonly FleetRegistry _fleet;
    private readonly ILogger<ReadingSpool> _logger;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private FileStream? _appender;
    private long _readings;
    private long _bytes;
    private long _dropped;
    private long _lastDropMs = -1;

    public ReadingSpool(IOptions<StorageOptions> options, IHostEnvironment environment, FleetRegistry fleet, ILogger<ReadingSpool> logger)
    {
        var spool = options.Value.Spool;
        Folder = System.IO.Path.IsPathRooted(spool.Path) ? spool.Path : System.IO.Path.Combine(environment.ContentRootPath, spool.Path);
        _maxBytes = spool.MaxBytes;
        _segmentBytes = Math.Clamp(spool.MaxBytes / 16, 64 * 1024, 64L * 1024 * 1024);
        _fleet = fleet;
        _logger = logger;
    }

    public string Folder { get; }

    /// <summary>Readings waiting to be replayed.</summary>
    public long Readings => Interlocked.Read(ref _readings);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Readings dropped because the spool was full, since the process started.</summary>
    public long DroppedReadings => Interlocked.Read(ref _dropped);

    public bool IsEmpty => Readings == 0;

    /// <summary>When readings were last dropped for room, or null if never since start.</summary>
    public DateTimeOffset? LastDrop => Interlocked.Read(ref _lastDropMs) is var ms and >= 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>Opens the folder, cuts off torn tails and counts what earlier runs left to replay.</summary>
    public void Open()
    {
        Directory.CreateDirectory(Folder);
        foreach (var path in Directory.GetFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var segment = new SpoolSegment(long.Parse(System.IO.Path.GetFileNameWithoutExtension(path), CultureInfo.InvariantCulture), path);
            Scan(segment);
            if (segment.Readings == 0)
            {
                System.IO.File.Delete(path);
                continue;
            }

            _segments.Add(segment);
            _readings += segment.Readings;
            _bytes += segment.Bytes;
        }

        if (_readings > 0)
        {
            LogLeftOver(_readings, _segments.Count, Folder);
        }
    }

    /// <summary>Appends a batch and syncs it to disk.</summary>
    public void Append(IReadOnlyList<Reading> readings)
    {
        var record = SpoolCodec.Encode(readings);
        MakeRoom(record.Length);
        var segment = _segments.Count > 0 && _appender is not null ? _segments[^1] : null;
        if (segment is null || segment.Bytes + record.Length > _segmentBytes)
        {
            _appender?.Dispose();
            var id = _segments.Count > 0 ? _segments[^1].Id + 1 : 1;
            segment = new SpoolSegment(id, System.IO.Path.Combine(Folder, id.ToString("D12", CultureInfo.InvariantCulture) + Extension));
            _appender = new FileStream(segment.Path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
            _segments.Add(segment);
        }

        _appender!.Write(record);
        _appender.Flush(flushToDisk: true);
        segment.Bytes += record.Length;
        segment.Readings += readings.Count;
        Interlocked.Add(ref _readings, readings.Count);
        Interlocked.Add(ref _bytes, record.Length);
    }

    /// <summary>Reads the oldest records, up to about <paramref name="maxReadings"/> readings, without removing them.</summary>
    public SpoolChunk? Peek(int maxReadings)
    {
        if (_segments.Count == 0)
        {
            return null;
        }

        var segment = _segments[0];
        var readings = new List<Reading>();
        long spooled = 0, records = 0, offset = segment.ReplayedBytes;
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Position = offset;
        Span<byte> header = stackalloc byte[SpoolCodec.HeaderBytes];
        while (offset < segment.Bytes && (readings.Count == 0 || readings.Count < maxReadings))
        {
            file.ReadExactly(header);
            var payload = new byte[SpoolCodec.PayloadLength(header)];
            file.ReadExactly(payload);
            var decoded = SpoolCodec.Decode(payload, _fleet, out var unknown);
            if (unknown > 0)
            {
                LogUnknownDevices(unknown);
            }

            readings.AddRange(decoded);
            spooled += decoded.Count + unknown;
            offset += SpoolCodec.HeaderBytes + payload.Length;
            records++;
        }

        return new SpoolChunk(segment.Id, offset, records, readings, spooled);
    }

    /// <summary>Removes a replayed chunk; a segment that is fully replayed is deleted.</summary>
    public void Commit(SpoolChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_segments.Count == 0 || _segments[0].Id != chunk.SegmentId)
        {
            return; // dropped for room while the chunk was being written; nothing left to remove
        }

        var segment = _segments[0];
        segment.ReplayedReadings += chunk.SpooledReadings;
        Interlocked.Add(ref _readings, -chunk.SpooledReadings);
        Interlocked.Add(ref _bytes, -(chunk.EndOffset - segment.ReplayedBytes));
        segment.ReplayedBytes = chunk.EndOffset;
        if (segment.ReplayedBytes >= segment.Bytes)
        {
            Remove(segment);
        }
    }

    public void Dispose() => _appender?.Dispose();

    private void MakeRoom(long needed)
    {
        while (_segments.Count > 1 && Bytes + needed > _maxBytes)
        {
            var oldest = _segments[0];
            var lost = oldest.Readings - oldest.ReplayedReadings;
            Interlocked.Add(ref _dropped, lost);
            Interlocked.Exchange(ref _lastDropMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Interlocked.Add(ref _readings, -lost);
            Interlocked.Add(ref _bytes, -(oldest.Bytes - oldest.ReplayedBytes));
            LogDropped(lost, oldest.Path, _maxBytes);
            Remove(oldest);
        }
    }

    private void Remove(SpoolSegment segment)
    {
        if (segment == _segments[^1])
        {
            _appender?.Dispose();
            _appender = null;
        }

        _segments.Remove(segment);
        System.IO.File.Delete(segment.Path);
    }

    private void Scan(SpoolSegment segment)
    {
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var header = new byte[SpoolCodec.HeaderBytes];
        long valid = 0;
        while (file.Length - valid >= SpoolCodec.HeaderBytes)
        {
            file.Position = valid;
            file.ReadExactly(header);
            var length = SpoolCodec.PayloadLength(header);
            if (length <= 0 || length > file.Length - valid - SpoolCodec.HeaderBytes)
            {
                break;
            }

            var payload = new byte[length];
            file.ReadExactly(payload);
            if (SpoolCodec.Validate(header, payload) < 0)
            {
                break;
            }

            segment.Readings += SpoolCodec.Count(payload);
            valid += SpoolCodec.HeaderBytes + length;
        }

        if (valid < file.Length)
        {
            LogTornTail(segment.Path, file.Length - valid);
            file.SetLength(valid);
        }

        segment.Bytes = valid;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool holds {Count} readings in {Segments} segments from an earlier run ({Folder}); replaying them first")]
    private partial void LogLeftOver(long count, int segments, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "SPOOL FULL: dropped {Count} readings (oldest segment {Path}) to stay under Storage:Spool:MaxBytes = {MaxBytes}; the store has been failing too long")]
    private partial void LogDropped(long count, string path, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool segment {Path} ended in {Bytes} torn bytes (never acknowledged); cut off")]
    private partial void LogTornTail(string path, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool held {Count} readings of devices no longer in the fleet registry; skipped")]
    private partial void LogUnknownDevices(int count);
}
