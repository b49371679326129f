using Telemetry.Alerts.Notifiers;
using Telemetry.Ingest.Api;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// Adds to <c>/api/stats</c>: <c>alertsOpen</c> (active alerts), <c>alertsByRule</c>, <c>alertsBySeverity</c>,
/// <c>alertsUnacknowledged</c>, <c>alertSignals</c> (how signals were handled) and <c>alertDeliveries</c> per channel.
/// </summary>
internal sealed class AlertStatisticsContributor(AlertQueries queries, DeliveryOutbox outbox, DeliveryQueries deliveries, SignalCounters signals) : IStatisticsContributor
{
    public void Contribute(IDictionary<string, object?> statistics)
    {
        var summary = queries.Summarize(new AlertQuery());
        statistics["alertsOpen"] = summary.Active;
        statistics["alertsByRule"] = summary.ActiveByRule;
        statistics["alertsBySeverity"] = summary.ActiveBySeverity.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value);
        statistics["alertsUnacknowledged"] = summary.Unacknowledged;
        statistics["alertSignals"] = signals.Snapshot();
        statistics["alertDeliveries"] = deliveries.Counts(outbox.Channels.Select(c => c.Name)).ToDictionary(
            p => p.Key,
            p => new Dictionary<string, int> { ["pending"] = p.Value.Pending, ["failing"] = p.Value.Failing, ["failed"] = p.Value.Failed });
    }
}
