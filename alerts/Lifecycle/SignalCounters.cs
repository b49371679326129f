using System.Collections.Concurrent;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>How the signals received so far were handled (for <c>/api/stats</c>): repeats and replays show up here.</summary>
internal sealed class SignalCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string outcome) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
