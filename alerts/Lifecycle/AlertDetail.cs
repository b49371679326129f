namespace Telemetry.Alerts.Lifecycle;

/// <summary>An alert with its full history and comments, oldest first.</summary>
public sealed record AlertDetail(Alert Alert, IReadOnlyList<AlertEvent> History, IReadOnlyList<AlertComment> Comments);
