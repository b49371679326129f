namespace Telemetry.Revenue.Api;

/// <summary>A subsidy batch as posted to <c>POST /api/revenue/subsidy-batches</c>.</summary>
/// <param name="StationId">The station paid for.</param>
/// <param name="Received">Date received, <c>yyyy-MM-dd</c>.</param>
/// <param name="AmountYuan">Amount, whole fen, positive.</param>
/// <param name="PeriodFrom">First month covered, <c>yyyy-MM</c>.</param>
/// <param name="PeriodTo">Last month covered, <c>yyyy-MM</c>.</param>
/// <param name="Reference">Batch name or voucher number.</param>
public sealed record SubsidyBatchRequest(string? StationId, DateOnly? Received, decimal? AmountYuan, string? PeriodFrom, string? PeriodTo, string? Reference);
