using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Allocation;

/// <summary>
/// A small public work (小型公益事业) or a reward/subsidy (奖励补助) with a yearly budget, funded in equal monthly
/// instalments over its months (largest remainder, so the instalments add up to the budget).
/// </summary>
/// <param name="Id">Id within the plan.</param>
/// <param name="Name">What it is, e.g. 村内道路修补, 孝老敬亲奖励.</param>
/// <param name="Recipient">The household a reward goes to, if it names one; null for works and general funds.</param>
/// <param name="Budget">The year's budget, whole fen.</param>
/// <param name="Months">Months of the year it is funded in (1–12), ascending.</param>
public sealed record PlanBudgetItem(string Id, string Name, Household? Recipient, decimal Budget, IReadOnlyList<int> Months)
{
    /// <summary>The instalment due in calendar month <paramref name="month"/> (1–12); 0 outside <see cref="Months"/>.</summary>
    public decimal InstalmentFor(int month)
    {
        var index = Months.ToList().IndexOf(month);
        return index < 0 ? 0m : Money.LargestRemainder.Allocate(Budget, [.. Enumerable.Repeat(1m, Months.Count)])[index];
    }
}
