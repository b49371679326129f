namespace Telemetry.Revenue.Tariffs;

/// <summary>
/// A payment of national subsidy for one station, recorded when it arrives (e.g. 2024年度第一批): how much, when, and
/// which months of generation it pays for. Batches are operational data kept in the revenue ledger and never changed.
/// </summary>
/// <param name="Id">Ledger id, assigned when recorded.</param>
/// <param name="StationId">The station paid for.</param>
/// <param name="Received">The date the money arrived (China time); it counts as cash in that month's statement.</param>
/// <param name="AmountYuan">Amount received, whole fen.</param>
/// <param name="PeriodFrom">First month of generation covered (first day of the month).</param>
/// <param name="PeriodTo">Last month of generation covered (first day of the month).</param>
/// <param name="Reference">The payer's batch name or voucher number.</param>
/// <param name="RecordedAt">When it was entered.</param>
public sealed record SubsidyBatch(
    long Id, string StationId, DateOnly Received, decimal AmountYuan, DateOnly PeriodFrom, DateOnly PeriodTo, string Reference, DateTimeOffset RecordedAt);
