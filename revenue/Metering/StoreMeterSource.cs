using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// <see cref="IMeterSource"/> over the time-series port's daily meter aggregates (<see cref="DailyMeter"/>: from raw readings
/// while they are kept, from the rollup after), one query for many stations. Days that need detail
/// (<see cref="MeterSeries.DaysNeedingDetail"/>, rare: a step down or a replacement) get their raw readings too while the store
/// still holds all of them; otherwise their aggregate stands (see <see cref="MeterEnergyCalculator"/>, summarised days).
/// </summary>
internal sealed class StoreMeterSource(ITimeSeriesStore store) : IMeterSource
{
    /// <summary>How far the closing day before the range (and the opening day after it) is looked for, widening: a day, a month, 400 days.</summary>
    private static readonly int[] LookDays = [1, 31, 400];

    public async Task<IReadOnlyDictionary<string, MeterSeries>> ReadAsync(IReadOnlyList<Station> stations, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var ids = stations.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();
        var meters = await store.ReadDailyMetersAsync(ids, from.AddDays(-LookDays[0]), to.AddDays(LookDays[0]), cancellationToken).ConfigureAwait(false);
        var before = ids.ToDictionary(id => id, id => meters[id].LastOrDefault(d => d.Date < from), StringComparer.Ordinal);
        var after = ids.ToDictionary(id => id, id => meters[id].FirstOrDefault(d => d.Date > to), StringComparer.Ordinal);
        for (var i = 1; i < LookDays.Length; i++)
        {
            var (near, far) = (LookDays[i - 1] + 1, LookDays[i]);
            if (before.Where(b => b.Value is null).Select(b => b.Key).ToList() is { Count: > 0 } noBefore)
            {
                var found = await store.ReadDailyMetersAsync(noBefore, from.AddDays(-far), from.AddDays(-near), cancellationToken).ConfigureAwait(false);
                noBefore.ForEach(id => before[id] = found[id].LastOrDefault());
            }

            if (after.Where(a => a.Value is null).Select(a => a.Key).ToList() is { Count: > 0 } noAfter)
            {
                var found = await store.ReadDailyMetersAsync(noAfter, to.AddDays(near), to.AddDays(far), cancellationToken).ConfigureAwait(false);
                noAfter.ForEach(id => after[id] = found[id].FirstOrDefault());
            }
        }

        var result = new Dictionary<string, MeterSeries>(StringComparer.Ordinal);
        foreach (var station in stations)
        {
            var series = new MeterSeries(
                Day(before[station.Id]), [.. meters[station.Id].Where(d => d.Date >= from && d.Date <= to).Select(d => Day(d)!)], Day(after[station.Id]));
            result[station.Id] = await WithDetailAsync(station, series, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The day as revenue reads it: registers rounded to whole Wh, so that all later arithmetic is exact.</summary>
    internal static MeterDay? Day(DailyMeter? day) => day is null ? null : new MeterDay(
        day.Date,
        Wh(day.FirstKwh),
        Wh(day.LastKwh),
        day.Readings,
        day.FirstAt.ToUnixTimeMilliseconds(),
        day.LastAt.ToUnixTimeMilliseconds(),
        Wh(day.MinKwh),
        Wh(day.RiseKwh),
        day.StepsDown);

    private static decimal Wh(double kwh) => MeterPoint.From(0, kwh).Kwh;

    /// <summary>Adds every reading to the days that need it, where the store still has all of the day's readings.</summary>
    private async Task<MeterSeries> WithDetailAsync(Station station, MeterSeries series, CancellationToken cancellationToken)
    {
        var wanted = MeterSeries.DaysNeedingDetail(series.Before, series.Days, station.MeterReplacements);
        if (wanted.Count == 0)
        {
            return series;
        }

        async Task<MeterDay> DetailAsync(MeterDay day)
        {
            if (!wanted.Contains(day.Date))
            {
                return day;
            }

            var raw = await store.ReadPvAsync(station.Id, ChinaTime.StartOfDay(day.Date), ChinaTime.StartOfDay(day.Date.AddDays(1)), cancellationToken).ConfigureAwait(false);
            var points = raw.Select(r => MeterPoint.From(r.TimestampMs, r.EnergyTotalKwh)).ToList();
            // Fewer raw readings than the aggregate counted: pruning has begun and the rollup is all there is for the day.
            return points.Count >= day.Readings && MeterSeries.Summarize(points, _ => true) is [var whole] ? whole : day;
        }

        var days = new List<MeterDay>(series.Days.Count);
        foreach (var day in series.Days)
        {
            days.Add(await DetailAsync(day).ConfigureAwait(false));
        }

        return series with { Before = series.Before is { } b ? await DetailAsync(b).ConfigureAwait(false) : null, Days = days };
    }
}
