namespace Telemetry.Revenue.Statements;

/// <summary>One line of a statement's allocation: who is paid how much for what, and what could not be covered.</summary>
/// <param name="No">Line number, from 1.</param>
/// <param name="Category">What the line pays for.</param>
/// <param name="Item">The post, work, reward or fund, e.g. 保洁员.</param>
/// <param name="PayeeId">Household id, lender, or null for works and retained funds.</param>
/// <param name="PayeeName">The payee as published (household heads are masked, e.g. 王某某).</param>
/// <param name="Monitored">Whether the payee is a monitored household (监测户).</param>
/// <param name="DueYuan">What the plan commits for the month (for dividends and retained funds, the amount itself).</param>
/// <param name="AmountYuan">What is paid, whole fen, never negative.</param>
/// <param name="Source"><c>collective</c> for the village collective's revenue, otherwise the household station's id.</param>
public sealed record AllocationLine(
    int No, AllocationCategory Category, string Item, string? PayeeId, string? PayeeName, bool Monitored, decimal DueYuan, decimal AmountYuan, string Source)
{
    /// <summary>What the plan committed and the month's money could not cover.</summary>
    public decimal UncoveredYuan => DueYuan - AmountYuan;
}
