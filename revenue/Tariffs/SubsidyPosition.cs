namespace Telemetry.Revenue.Tariffs;

/// <summary>Where a village's subsidy receivable for one station stands at the end of a statement month.</summary>
/// <param name="ReceivedThisMonthYuan">Cash received in the month (the village's part of batches received then), any periods.</param>
/// <param name="ReceivedToDateYuan">All subsidy received up to the end of the month.</param>
/// <param name="OutstandingYuan">Earned in booked months up to and including this one and not yet matched by a batch: still owed.</param>
/// <param name="UnmatchedYuan">Received for months that have no booked accrual (e.g. before the ledger began); shown, not guessed at.</param>
public sealed record SubsidyPosition(decimal ReceivedThisMonthYuan, decimal ReceivedToDateYuan, decimal OutstandingYuan, decimal UnmatchedYuan);
