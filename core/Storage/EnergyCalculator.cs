namespace Telemetry.Core.Storage;

/// <summary>
/// Energy per day and month from the lifetime meter (<c>e_total_kwh</c>), never from integrated power.
/// </summary>
/// <remarks>
/// A day's energy is <c>last meter of the day − baseline</c>, where the baseline is the last meter reading stored before the
/// day began (China time, UTC+8), or — for a station's very first day — the day's own first reading. Because it is computed
/// from the stored points whenever it is asked for, a late or replayed reading changes the answer exactly as if it had come on
/// time, and a replayed duplicate changes nothing. A day without readings has no entry; the energy of such a gap is counted on
/// the next day with data, whose <see cref="DailyEnergy.BaselineDate"/> then lies more than one day back. A month's energy is the
/// sum of its days, which telescopes to <c>last meter of the month − baseline of its first day</c>. Counter resets and meter
/// replacement (a meter going backwards) are not corrected here: the per-day first/last values are exposed so that the revenue
/// module can detect and bridge them.
/// </remarks>
public static class EnergyCalculator
{
    /// <summary>Daily energy for the given days (oldest first), continuing from <paramref name="baseline"/>.</summary>
    public static IReadOnlyList<DailyEnergy> Daily(IReadOnlyList<DailyMeter> days, MeterBaseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(days);
        var result = new List<DailyEnergy>(days.Count);
        var previous = baseline;
        foreach (var day in days.OrderBy(d => d.Date))
        {
            var (baseKwh, baseDate) = previous is { } p && p.Date < day.Date ? (p.Kwh, (DateOnly?)p.Date) : (day.FirstKwh, null);
            result.Add(new DailyEnergy(day.Date, day.LastKwh - baseKwh, day.FirstKwh, day.LastKwh, baseKwh, baseDate, day.Readings));
            previous = new MeterBaseline(day.Date, day.LastKwh);
        }

        return result;
    }

    /// <summary>Monthly sums of daily energy, one entry per month that has data, oldest first.</summary>
    public static IReadOnlyList<MonthlyEnergy> Monthly(IReadOnlyList<DailyEnergy> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.OrderBy(d => d.Date).GroupBy(d => (d.Date.Year, d.Date.Month)).Select(g =>
        {
            var first = g.First();
            return new MonthlyEnergy(g.Key.Year, g.Key.Month, g.Sum(d => d.EnergyKwh), first.FirstKwh, g.Last().LastKwh, first.BaselineKwh, g.Count());
        })];
    }
}
