namespace Telemetry.Core.Fleet;

/// <summary>
/// A household station's loan, repaid from its revenue before the household is paid (research/domain.md §2.8): a fixed
/// monthly instalment and/or a share of the month's net revenue, never more than the month's net revenue.
/// </summary>
/// <param name="Lender">Who is repaid, e.g. the county investment company or a bank branch.</param>
/// <param name="MonthlyYuan">Fixed instalment per month, yuan; 0 when the loan is repaid by share only.</param>
/// <param name="Share">Fraction of the month's net revenue repaid, 0–1; 0 when the loan is repaid by instalment only.</param>
/// <param name="LastMonth">The first day of the last month in which a repayment is taken.</param>
public sealed record LoanRepayment(string Lender, decimal MonthlyYuan, decimal Share, DateOnly LastMonth);
