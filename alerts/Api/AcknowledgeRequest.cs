namespace Telemetry.Alerts.Api;

/// <summary>Body of <c>POST /api/alerts/{id}/ack</c>.</summary>
internal sealed record AcknowledgeRequest(string? By, string? Note);
