using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>Counts over the active (open or acknowledged) alerts in a scope, and notifications that are failing.</summary>
/// <param name="ActiveBySeverity">Active alerts per severity (every severity present, zero included).</param>
/// <param name="ActiveByRule">Active alerts per rule (only rules with any).</param>
/// <param name="Unacknowledged">Active alerts nobody has acknowledged.</param>
/// <param name="FailingDeliveries">Notifications whose last attempt failed (retrying or given up), all channels.</param>
public sealed record AlertSummary(
    IReadOnlyDictionary<AlertSeverity, int> ActiveBySeverity,
    IReadOnlyDictionary<string, int> ActiveByRule,
    int Unacknowledged,
    int FailingDeliveries)
{
    /// <summary>All active alerts.</summary>
    public int Active => ActiveBySeverity.Values.Sum();
}
