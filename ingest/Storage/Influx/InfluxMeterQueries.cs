using System.Text.Json;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// The daily meter aggregates of <see cref="InfluxTimeSeriesStore"/> (<see cref="DailyMeter"/>) in InfluxQL, from raw readings
/// and from the long-term rollup <c>pv_daily</c>.
/// </summary>
/// <remarks>
/// One request of three statements: per station and local day (<c>GROUP BY time(1d, 16h)</c>) first, last, min and count of
/// <c>e_total_kwh</c>; per day the sum and count of <c>non_negative_difference</c>, the count of <c>difference</c> (their
/// difference counts the steps down) and the min/max of <c>cumulative_sum(elapsed(…, 1ms))</c>, which is each reading's time
/// minus the range's first reading's; and that first reading (its time). Differences run over the whole range, so the first
/// reading of a day carries the step from the previous day's last: it is taken out again here, since <see cref="DailyMeter"/>
/// counts only the steps within the day.
/// </remarks>
internal sealed class InfluxMeterQueries(InfluxTimeSeriesStore store)
{
    private static readonly string Station = InfluxQl.Identifier(InfluxSchema.StationTag);
    private static readonly string Meter = InfluxQl.Identifier("e_total_kwh");

    /// <summary>Daily meters of the given stations (each one a key), raw readings and rollup merged: per day the one with more readings wins.</summary>
    public async Task<Dictionary<string, IReadOnlyList<DailyMeter>>> DailyMetersAsync(IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var result = stationIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => (IReadOnlyList<DailyMeter>)[], StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return result;
        }

        var days = await RawDailyMetersAsync(result.Keys, from, to, cancellationToken).ConfigureAwait(false);
        var kept = await RollupDailyMetersAsync(result.Keys, from, to, cancellationToken).ConfigureAwait(false);
        foreach (var (key, rollup) in kept)
        {
            // Raw wins unless it has begun to expire (then the rollup, made while the day was whole, has more readings).
            if (!days.TryGetValue(key, out var fresh) || rollup.Readings > fresh.Readings)
            {
                days[key] = rollup;
            }
        }

        foreach (var station in days.GroupBy(d => d.Key.Station).Where(g => result.ContainsKey(g.Key)))
        {
            result[station.Key] = [.. station.Select(d => d.Value).OrderBy(d => d.Date)];
        }

        return result;
    }

    public async Task<MeterBaseline?> MeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken)
    {
        var where = $"WHERE {InfluxTimeSeriesStore.Is(InfluxSchema.StationTag, stationId)} AND time < {InfluxQl.Time(ChinaTime.StartOfDay(day))}";
        var raw = Single(await store.RawAsync($"SELECT last({Meter}) FROM {InfluxTimeSeriesStore.Pv} {where}", cancellationToken).ConfigureAwait(false));
        var rollup = Single(await store.QueryAsync(InfluxTarget.Rollup, $"SELECT last({InfluxQl.Identifier(InfluxSchema.LastKwh)}) FROM {InfluxQl.Identifier(InfluxSchema.PvDaily)} {where}", cancellationToken).ConfigureAwait(false));
        return raw is not null && (rollup is null || raw.Date >= rollup.Date) ? raw : rollup;

        static MeterBaseline? Single(IReadOnlyList<InfluxSeries> series) =>
            series.SelectMany(s => s.Rows).Where(r => InfluxSeries.Double(r, 1) is not null)
                .Select(r => new MeterBaseline(ChinaTime.LocalDate(InfluxSeries.Time(r)), InfluxSeries.Double(r, 1)!.Value)).MaxBy(b => b.Date);
    }

    /// <summary>Daily meters computed from raw readings, of the given stations or (null) every station.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RawDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var range = InfluxQl.Range(start, end);
        var where = $"WHERE {(stationIds is null ? "" : InfluxQl.AnyOf(InfluxSchema.StationTag, stationIds) + " AND ")}{range}";
        var pv = InfluxTimeSeriesStore.Pv;
        var days = InfluxHistoryQueries.GroupBy(SeriesResolution.Day, Station);
        var series = await store.RawAsync(
            $"SELECT first({Meter}) AS \"first\", last({Meter}) AS \"last\", min({Meter}) AS \"min\", count({Meter}) AS \"n\" FROM {pv} {where} {days}; "
            + "SELECT sum(\"up\") AS \"rise\", count(\"up\") AS \"ups\", count(\"d\") AS \"steps\", min(\"c\") AS \"c_first\", max(\"c\") AS \"c_last\" FROM ("
            + $"SELECT non_negative_difference({Meter}) AS \"up\", difference({Meter}) AS \"d\", cumulative_sum(elapsed({Meter}, 1ms)) AS \"c\" FROM {pv} {where} GROUP BY {Station}"
            + $") WHERE {range} {days}; "
            + $"SELECT first({Meter}) FROM {pv} {where} GROUP BY {Station}",
            cancellationToken).ConfigureAwait(false);

        var anchors = series.Where(s => s.Statement == 2).SelectMany(s => s.Rows.Select(r => (Station: StationOf(s), Ms: InfluxSeries.Time(r))))
            .ToDictionary(a => a.Station, a => a.Ms, StringComparer.Ordinal);
        var steps = new Dictionary<(string, DateOnly), JsonElement[]>();
        foreach (var s in series.Where(s => s.Statement == 1))
        {
            foreach (var row in s.Rows)
            {
                steps[(StationOf(s), ChinaTime.LocalDate(InfluxSeries.Time(row)))] = row;
            }
        }

        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        foreach (var s in series.Where(s => s.Statement == 0))
        {
            var station = StationOf(s);
            double? previousLast = null;
            foreach (var row in s.Rows.OrderBy(InfluxSeries.Time))
            {
                if (InfluxSeries.Double(row, 1) is not { } first || InfluxSeries.Double(row, 2) is not { } last)
                {
                    continue;
                }

                var date = ChinaTime.LocalDate(InfluxSeries.Time(row));
                var count = InfluxSeries.Long(row, 4) ?? 0;
                var min = InfluxSeries.Double(row, 3) ?? Math.Min(first, last);
                result[(station, date)] = anchors.TryGetValue(station, out var t0)
                    ? Day(date, first, last, count, min, t0, steps.GetValueOrDefault((station, date)), previousLast)
                    : new DailyMeter(date, first, last, count);
                previousLast = last;
            }
        }

        return result;
    }

    /// <summary>Daily meters kept in the long-term rollup, of the given stations or (null) every station.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RollupDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var filter = stationIds is null ? "" : InfluxQl.AnyOf(InfluxSchema.StationTag, stationIds) + " AND ";
        var fields = string.Join(", ", new[]
        {
            InfluxSchema.FirstKwh, InfluxSchema.LastKwh, InfluxSchema.Readings, InfluxSchema.FirstAt, InfluxSchema.LastAt,
            InfluxSchema.MinKwh, InfluxSchema.RiseKwh, InfluxSchema.StepsDown,
        }.Select(InfluxQl.Identifier));
        var series = await store.QueryAsync(
            InfluxTarget.Rollup,
            $"SELECT {fields} FROM {InfluxQl.Identifier(InfluxSchema.PvDaily)} WHERE {filter}{InfluxQl.Range(start, end)} GROUP BY {Station}",
            cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        foreach (var s in series)
        {
            foreach (var row in s.Rows)
            {
                if (InfluxSeries.Double(row, 1) is not { } first || InfluxSeries.Double(row, 2) is not { } last)
                {
                    continue;
                }

                var date = ChinaTime.LocalDate(InfluxSeries.Time(row));
                var count = InfluxSeries.Long(row, 3) ?? 0;
                result[(StationOf(s), date)] =
                    InfluxSeries.Long(row, 4) is { } firstAt && InfluxSeries.Long(row, 5) is { } lastAt && InfluxSeries.Double(row, 6) is { } min
                    && InfluxSeries.Double(row, 7) is { } rise && InfluxSeries.Long(row, 8) is { } down
                        ? new DailyMeter(date, first, last, count, At(firstAt), At(lastAt), min, rise, down)
                        : new DailyMeter(date, first, last, count); // written before the rollup had times, minimum and steps
            }
        }

        return result;
    }

    private static DailyMeter Day(DateOnly date, double first, double last, long count, double min, long t0, JsonElement[]? steps, double? previousLast)
    {
        var anchorDay = ChinaTime.LocalDate(t0) == date;
        if (steps is not { } s)
        {
            // No differences fall in the day: its only reading is the range's first (any other reading would have one).
            return anchorDay ? new DailyMeter(date, first, last, count, At(t0), At(t0), min, 0, 0) : new DailyMeter(date, first, last, count);
        }

        var rise = InfluxSeries.Double(s, 1) ?? 0;
        var down = (InfluxSeries.Long(s, 3) ?? 0) - (InfluxSeries.Long(s, 2) ?? 0);
        if (!anchorDay && previousLast is { } before)
        {
            var overnight = first - before; // the same subtraction InfluxDB made for the day's first reading
            if (overnight >= 0)
            {
                rise -= overnight;
            }
            else
            {
                down--;
            }
        }

        var firstAt = anchorDay ? t0 : t0 + (InfluxSeries.Long(s, 4) ?? 0);
        var lastAt = t0 + (InfluxSeries.Long(s, 5) ?? 0); // columns: time, rise, ups, steps, first and last offset from t0
        return new DailyMeter(date, first, last, count, At(firstAt), At(Math.Max(firstAt, lastAt)), min, Math.Max(rise, 0), Math.Max(down, 0));
    }

    private static string StationOf(InfluxSeries series) => series.Tags.GetValueOrDefault(InfluxSchema.StationTag, "");

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
