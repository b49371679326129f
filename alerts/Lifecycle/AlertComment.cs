namespace Telemetry.Alerts.Lifecycle;

/// <summary>A note a person left on an alert (an acknowledgement's note is one too).</summary>
public sealed record AlertComment(long Id, long AlertId, DateTimeOffset At, string By, string Text);
