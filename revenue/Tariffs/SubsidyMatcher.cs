using Telemetry.Revenue.Money;

namespace Telemetry.Revenue.Tariffs;

/// <summary>
/// Matches subsidy batches to the months they pay for: each batch, in the order received, pays the oldest unpaid booked
/// months within its stated period first, never more than a month's accrual; what is left over is unmatched.
/// </summary>
internal static class SubsidyMatcher
{
    /// <param name="accruals">The village's booked accruals for one station, any order (one per month).</param>
    /// <param name="batches">The village's parts of the station's batches received up to the end of <paramref name="month"/>.</param>
    /// <param name="month">The statement month (first day).</param>
    public static SubsidyPosition Match(IReadOnlyList<SubsidyAccrual> accruals, IReadOnlyList<(SubsidyBatch Batch, decimal Part)> batches, DateOnly month)
    {
        var open = accruals.Where(a => a.Month <= month).OrderBy(a => a.Month).Select(a => (a.Month, Owed: a.AccruedYuan)).ToList();
        var unmatched = 0m;
        var thisMonth = 0m;
        var toDate = 0m;
        foreach (var (batch, part) in batches.OrderBy(b => b.Batch.Received).ThenBy(b => b.Batch.Id))
        {
            toDate += part;
            if (batch.Received.Year == month.Year && batch.Received.Month == month.Month)
            {
                thisMonth += part;
            }

            var left = part;
            for (var i = 0; i < open.Count && left > 0m; i++)
            {
                if (open[i].Month < batch.PeriodFrom || open[i].Month > batch.PeriodTo || open[i].Owed == 0m)
                {
                    continue;
                }

                var paid = Math.Min(left, open[i].Owed);
                open[i] = (open[i].Month, open[i].Owed - paid);
                left -= paid;
            }

            unmatched += left;
        }

        return new SubsidyPosition(Yuan.Round(thisMonth), Yuan.Round(toDate), Yuan.Round(open.Sum(o => o.Owed)), Yuan.Round(unmatched));
    }
}
