using Telemetry.Revenue.Money;
using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Allocation;

/// <summary>
/// Allocates a month's distributable collective revenue by the village's plan. The lines add up exactly to the amount.
/// </summary>
/// <remarks>
/// Tiers are covered in the plan's priority order (default: posts, projects, rewards, dividends). Within posts, posts held by
/// monitored households (监测户) come first. A tier (or sub-tier) that the money left cannot fully cover is paid in
/// proportion to its commitments (largest remainder) and every line shows what was not covered; later tiers get nothing.
/// Dividends take what is left (at most the plan's share of the month's amount), split by equity shares with monitored
/// households' shares weighted up. Whatever remains is retained by the collective. Without a plan, everything is retained.
/// </remarks>
internal static class Allocator
{
    public const string CollectiveSource = "collective";

    public static List<AllocationLine> Allocate(decimal amount, AllocationPlan? plan, DateOnly month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var lines = new List<AllocationLine>();
        var left = amount;
        if (plan is null)
        {
            lines.Add(Line(AllocationCategory.Retained, "村集体留存（本年度尚无分配方案）", null, null, false, amount, amount));
            return lines;
        }

        foreach (var tier in plan.Priority)
        {
            switch (tier)
            {
                case AllocationTier.Posts:
                    var posts = plan.Posts.Where(p => p.Months.Contains(month.Month)).ToList();
                    left = Cover(lines, left, [.. posts.Where(p => p.Holder.Monitored).Select(PostLine)]);
                    left = Cover(lines, left, [.. posts.Where(p => !p.Holder.Monitored).Select(PostLine)]);
                    break;
                case AllocationTier.Projects:
                    left = Cover(lines, left, [.. Budgeted(plan.Projects, AllocationCategory.Project, month)]);
                    break;
                case AllocationTier.Rewards:
                    left = Cover(lines, left, [.. Budgeted(plan.Rewards, AllocationCategory.Reward, month)]);
                    break;
                case AllocationTier.Dividends when plan.Dividends is { Equity.Count: > 0 } dividends:
                    left = PayDividends(lines, left, amount, dividends);
                    break;
            }
        }

        if (left > 0m || lines.Count == 0)
        {
            lines.Add(Line(AllocationCategory.Retained, "村集体留存（结转）", null, null, false, left, left));
        }

        return lines;
    }

    private static AllocationLine PostLine(PlanPost p) =>
        Line(AllocationCategory.Post, p.Title, p.Holder.Id, p.Holder.HeadName, p.Holder.Monitored, p.MonthlyWage, 0m);

    private static IEnumerable<AllocationLine> Budgeted(IReadOnlyList<PlanBudgetItem> items, AllocationCategory category, DateOnly month) =>
        items.Select(i => (Item: i, Due: i.InstalmentFor(month.Month)))
            .Where(x => x.Due > 0m)
            .Select(x => Line(category, x.Item.Name, x.Item.Recipient?.Id, x.Item.Recipient?.HeadName, x.Item.Recipient?.Monitored ?? false, x.Due, 0m));

    /// <summary>Pays a group of commitments in full if it can, otherwise in proportion to them; returns what is left.</summary>
    private static decimal Cover(List<AllocationLine> lines, decimal left, List<AllocationLine> claims)
    {
        var due = claims.Sum(c => c.DueYuan);
        if (due == 0m)
        {
            return left;
        }

        var paid = left >= due ? [.. claims.Select(c => c.DueYuan)] : LargestRemainder.Allocate(left, [.. claims.Select(c => c.DueYuan)]);
        lines.AddRange(claims.Select((c, i) => c with { AmountYuan = paid[i] }));
        return left - paid.Sum();
    }

    private static decimal PayDividends(List<AllocationLine> lines, decimal left, decimal amount, DividendPlan plan)
    {
        var pool = Math.Min(left, Yuan.Round(amount * plan.MaxShareOfDistributable));
        var weights = plan.Equity.Select(e => e.Shares * (e.Household.Monitored ? plan.MonitoredWeight : 1m)).ToArray();
        var parts = LargestRemainder.Allocate(pool, weights);
        lines.AddRange(plan.Equity.Select((e, i) =>
            Line(AllocationCategory.Dividend, "按股分红", e.Household.Id, e.Household.HeadName, e.Household.Monitored, parts[i], parts[i])));
        return left - pool;
    }

    private static AllocationLine Line(AllocationCategory category, string item, string? payeeId, string? payeeName, bool monitored, decimal due, decimal amount) =>
        new(0, category, item, payeeId, payeeName, monitored, due, amount, CollectiveSource);
}
