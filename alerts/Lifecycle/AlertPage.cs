namespace Telemetry.Alerts.Lifecycle;

/// <summary>One page of a query's alerts, newest first, and how many matched in all.</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Items, int Total, int Page, int PageSize);
