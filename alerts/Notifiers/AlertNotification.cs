using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// What a notifier sends about an alert change (the JSON body of the webhook and of the retained MQTT message):
/// the alert's state after the change, with the names a crew needs to act without looking anything up.
/// </summary>
public sealed record AlertNotification
{
    public required long AlertId { get; init; }

    /// <summary>The change reported: raised, escalated, acknowledged, cleared (or republished at start).</summary>
    public required AlertEventKind Event { get; init; }

    public required AlertState State { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required string Rule { get; init; }

    public required string Message { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceName { get; init; }

    /// <summary><c>pv</c> or <c>barn</c>.</summary>
    public required string DeviceKind { get; init; }

    public required string VillageId { get; init; }

    public required string VillageName { get; init; }

    public required string CountyId { get; init; }

    public required string CountyName { get; init; }

    public required string CrewId { get; init; }

    public required string CrewName { get; init; }

    public required string CrewPhone { get; init; }

    /// <summary>Device time at which the condition was established.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Device time at which it cleared.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Wall time of the change.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The MQTT topic of this alert (<c>{prefix}alerts/{crewId}/{deviceId}/{rule}</c>).</summary>
    public required string Topic { get; init; }
}
