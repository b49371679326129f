using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>One alert: a (device, rule) problem from when it was raised until it cleared.</summary>
/// <param name="Id">Store id, increasing in the order alerts were raised.</param>
/// <param name="DeviceId">The device the problem is about.</param>
/// <param name="Rule">The rule id (<see cref="AlertRules"/>).</param>
/// <param name="Severity">The highest severity reached while open.</param>
/// <param name="State">Open, acknowledged or cleared.</param>
/// <param name="RaisedAt">Device time at which the condition was established.</param>
/// <param name="ClearedAt">Device time at which it cleared, if it has.</param>
/// <param name="UpdatedAt">Wall time of the last change (raise, escalation, acknowledgement, clear).</param>
/// <param name="AcknowledgedBy">Who acknowledged it, if anyone.</param>
/// <param name="AcknowledgedAt">Wall time of the acknowledgement.</param>
/// <param name="Message">The detector's latest sentence about it.</param>
/// <param name="CrewId">The crew responsible for the device's village when the alert was raised.</param>
/// <param name="CountyId">The device's county.</param>
/// <param name="VillageId">The device's village.</param>
public sealed record Alert(
    long Id,
    string DeviceId,
    string Rule,
    AlertSeverity Severity,
    AlertState State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset UpdatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string Message,
    string CrewId,
    string CountyId,
    string VillageId)
{
    /// <summary>Open or acknowledged: the condition still holds.</summary>
    public bool IsActive => State != AlertState.Cleared;
}
