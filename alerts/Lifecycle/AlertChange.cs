namespace Telemetry.Alerts.Lifecycle;

/// <summary>Something happened to an alert; <see cref="Alert"/> is its state right after.</summary>
public sealed record AlertChange(AlertEventKind Kind, Alert Alert);
