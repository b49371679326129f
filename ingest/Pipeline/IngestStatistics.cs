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
    private long _refused;

    public long ReadingsStored => Interlocked.Read(ref _stored);

    public long ReadingsRejected => Interlocked.Read(ref _rejected);

    public long PayloadsReceived => Interlocked.Read(ref _payloads);

    public long BatchesWritten => Interlocked.Read(ref _batches);

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

    internal void Stored(IReadOnlyList<Reading> batch)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _stored, batch.Count);
        foreach (var reading in batch)
        {
            var slot = reading.Device is Station s ? (int)s.Class : 3;
            Interlocked.Increment(ref _storedByKind[slot]);
        }
    }
}
