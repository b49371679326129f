using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>One entry of an alert's history.</summary>
/// <param name="Id">Store id, increasing in the order things happened.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">Wall time at which it was recorded.</param>
/// <param name="By">Who did it (acknowledgements, comments); null for the system.</param>
/// <param name="Text">The message, note, comment or delivery error.</param>
/// <param name="Severity">The severity after a raise or escalation.</param>
/// <param name="Channel">The notifier, for delivery events.</param>
public sealed record AlertEvent(
    long Id,
    long AlertId,
    AlertEventKind Kind,
    DateTimeOffset At,
    string? By,
    string? Text,
    AlertSeverity? Severity,
    string? Channel);
