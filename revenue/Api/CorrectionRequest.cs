namespace Telemetry.Revenue.Api;

/// <summary>The body of <c>POST /api/revenue/{villageId}/{yyyy-MM}/corrections</c>.</summary>
/// <param name="Reason">Why the published statement is corrected (shown on the correction).</param>
public sealed record CorrectionRequest(string? Reason);
