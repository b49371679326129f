using System.Collections.Concurrent;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>Counters for <c>/api/stats</c> and logs; updated lock-free from the ingest path.</summary>
public sealed class IngestStatistics
{
    private readonly long[] _storedByKind = new long[4];
    private readonly ConcurrentDictionary<RejectReason, long> _rejectedByReason = new();
    private long _stored;
    private long _rejected;
    private long _payloads;
    private long _batches;
    private long _storeWriteTicks;
    private long _refused;

    public long ReadingsStored => Interlocked.Read(ref _stored);

    /// <summary>Device time to durable storage, per reading (<c>GET /api/stats/latency</c>).</summary>
    public StoreLatency Latency { get; } = new();

    public long ReadingsRejected => Interlocked.Read(ref _rejected);

    public long PayloadsReceived => Interlocked.Read(ref _payloads);

    public long BatchesWritten => Interlocked.Read(ref _batches);

    /// <summary>Time spent in successful store writes, seconds (divided by <see cref="BatchesWritten"/>: the mean commit).</summary>
    public double StoreWriteSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _storeWriteTicks)).TotalSeconds;

    /// <summary>Readings in batches that the store refused in part for good (type conflict, outside retention).</summary>
    public long ReadingsRefusedByStore => Interlocked.Read(ref _refused);

    /// <summary>Stored readings per kind: the three station classes and barns.</summary>
    public IReadOnlyDictionary<string, long> ReadingsStoredByKind => new Dictionary<string, long>
    {
        ["national"] = Interlocked.Read(ref _storedByKind[0]),
        ["village"] = Interlocked.Read(ref _storedByKind[1]),
        ["household"] = Interlocked.Read(ref _storedByKind[2]),
        ["barn"] = Interlocked.Read(ref _storedByKind[3]),
    };

    public IReadOnlyDictionary<string, long> ReadingsRejectedByReason =>
        _rejectedByReason.ToDictionary(p => p.Key.ToString(), p => p.Value);

    internal void PayloadReceived() => Interlocked.Increment(ref _payloads);

    internal void Rejected(RejectReason reason)
    {
        Interlocked.Increment(ref _rejected);
        _rejectedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    internal void RefusedByStore(int count) => Interlocked.Add(ref _refused, count);

    internal void Stored(IReadOnlyList<Reading> batch, long storedAtMs, TimeSpan took)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _storeWriteTicks, took.Ticks);
        Interlocked.Add(ref _stored, batch.Count);
        Span<long> byKind = stackalloc long[4];
        foreach (var reading in batch)
        {
            byKind[reading.Device is Station s ? (int)s.Class : 3]++;
            Latency.Record(storedAtMs, reading.TimestampMs);
        }

        for (var slot = 0; slot < byKind.Length; slot++)
        {
            Interlocked.Add(ref _storedByKind[slot], byKind[slot]);
        }
    }
}
