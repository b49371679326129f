namespace Telemetry.Alerts.Lifecycle;

/// <summary>The outcome of an acknowledgement or comment and the alert as it stands afterwards (null if not found).</summary>
public sealed record AlertCommandResult(AlertCommandOutcome Outcome, Alert? Alert);
