namespace Telemetry.Alerts.Api;

/// <summary>A page of alerts, newest first.</summary>
internal sealed record AlertListView(IReadOnlyList<AlertView> Items, int Total, int Page, int PageSize);
