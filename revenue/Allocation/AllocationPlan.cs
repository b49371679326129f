using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Allocation;

/// <summary>
/// A village's approved plan (收益分配方案) for one year: what its collective PV revenue pays for and in which order.
/// Plans are read from the revenue plans file and validated against the fleet registry (see <see cref="Plans.AllocationPlanLoader"/>).
/// </summary>
/// <param name="Village">The village collective.</param>
/// <param name="Year">The calendar year it applies to.</param>
/// <param name="Approved">When the village approved it (四议两公开) and the township filed it.</param>
/// <param name="PlannedDistributable">The year's distributable revenue the plan was made against, yuan.</param>
/// <param name="Posts">Public-welfare posts.</param>
/// <param name="Projects">Small public works.</param>
/// <param name="Rewards">Rewards and subsidies.</param>
/// <param name="Dividends">Household dividends, or null when the plan has none (what is left is retained).</param>
/// <param name="Priority">The order the tiers are covered in when the month's money is short.</param>
public sealed record AllocationPlan(
    Village Village,
    int Year,
    DateOnly Approved,
    decimal PlannedDistributable,
    IReadOnlyList<PlanPost> Posts,
    IReadOnlyList<PlanBudgetItem> Projects,
    IReadOnlyList<PlanBudgetItem> Rewards,
    DividendPlan? Dividends,
    IReadOnlyList<AllocationTier> Priority)
{
    /// <summary>The fixed commitments of the year: wages for the months worked, works and rewards budgets.</summary>
    public decimal YearlyCommitments =>
        Posts.Sum(p => p.MonthlyWage * p.Months.Count) + Projects.Sum(p => p.Budget) + Rewards.Sum(r => r.Budget);
}
