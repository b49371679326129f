namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// How long after its device timestamp each reading was durably stored: a histogram with 1 ms buckets up to 60 s, and a
/// count of readings older than that (loggers replaying buffered data, backfill). Lock-free; one increment per reading.
/// </summary>
/// <remarks>
/// The figure includes the device's clock offset; for the benchmark's load generator, which stamps readings with the
/// wall clock of the same machine, it is the device-to-store latency. Cumulative: take two snapshots and subtract them
/// to get the distribution over an interval.
/// </remarks>
public sealed class StoreLatency
{
    public const int MaxTrackedMs = 60_000;

    private readonly long[] _buckets = new long[MaxTrackedMs + 1];
    private long _older;
    private long _ahead;

    /// <summary>Readings stored more than <see cref="MaxTrackedMs"/> after their device time.</summary>
    public long Older => Interlocked.Read(ref _older);

    /// <summary>Readings stored "before" their device time (device clock ahead of ours).</summary>
    public long Ahead => Interlocked.Read(ref _ahead);

    internal void Record(long storedAtMs, long deviceTimeMs)
    {
        var latency = storedAtMs - deviceTimeMs;
        if (latency < 0)
        {
            Interlocked.Increment(ref _ahead);
        }
        else if (latency > MaxTrackedMs)
        {
            Interlocked.Increment(ref _older);
        }
        else
        {
            Interlocked.Increment(ref _buckets[latency]);
        }
    }

    /// <summary>The non-empty buckets as (milliseconds, count) pairs, ascending.</summary>
    public IReadOnlyList<long[]> Snapshot()
    {
        var result = new List<long[]>();
        for (var ms = 0; ms < _buckets.Length; ms++)
        {
            var count = Interlocked.Read(ref _buckets[ms]);
            if (count > 0)
            {
                result.Add([ms, count]);
            }
        }

        return result;
    }
}
