namespace Telemetry.Alerts.Api;

/// <summary>Body of <c>POST /api/alerts/{id}/comments</c>.</summary>
internal sealed record CommentRequest(string? By, string? Text);
