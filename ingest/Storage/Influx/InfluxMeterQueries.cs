using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// The daily meter aggregates of <see cref="InfluxTimeSeriesStore"/> (<see cref="DailyMeter"/>), from raw readings and from the
/// long-term rollup <c>pv_daily</c>.
/// </summary>
/// <remarks>
/// Raw: each station's registers in time order (one InfluxQL statement per station, <see cref="StationsPerRequest"/> statements
/// per request), summed up here by <see cref="DailyMeterAccumulator"/> — the same code the SQLite store uses, so both give the
/// same aggregate. The steps between consecutive readings have no InfluxQL aggregate; a subquery of
/// <c>non_negative_difference</c>/<c>difference</c>/<c>elapsed</c> grouped by day computes them on the server, but InfluxDB
/// 1.6 took 17 s for it over 100 stations' month (0.25 s for 10), and filters on many stations (<c>station = 'a' OR …</c>,
/// or a regex of them) also grow faster than the number of stations; one plain statement per station does not
/// (docs/benchmarks.md).
/// </remarks>
internal sealed class InfluxMeterQueries(InfluxTimeSeriesStore store)
{
    /// <summary>Statements (one per station) sent in one <c>/query</c> request.</summary>
    public const int StationsPerRequest = 100;

    private static readonly string Meter = InfluxQl.Identifier("e_total_kwh");

    private static readonly string[] RollupFields =
    [
        InfluxSchema.FirstKwh, InfluxSchema.LastKwh, InfluxSchema.Readings, InfluxSchema.FirstAt, InfluxSchema.LastAt,
        InfluxSchema.MinKwh, InfluxSchema.RiseKwh, InfluxSchema.StepsDown,
    ];

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

    /// <summary>Daily meters computed from raw readings, of the given stations or (null) every station that has readings.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RawDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var range = InfluxQl.Range(start, end);
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        if (stationIds is null && !await AnyReadingAsync(range, cancellationToken).ConfigureAwait(false))
        {
            return result; // the rollup job's full pass walks every month since 2000: most have nothing
        }

        var stations = stationIds?.Distinct(StringComparer.Ordinal).ToList() ?? await StoredStationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in stations.Chunk(StationsPerRequest))
        {
            var series = await store.RawAsync(
                string.Join("; ", chunk.Select(id => $"SELECT {Meter} FROM {InfluxTimeSeriesStore.Pv} WHERE {InfluxTimeSeriesStore.Is(InfluxSchema.StationTag, id)} AND {range}")),
                cancellationToken).ConfigureAwait(false);
            foreach (var s in series)
            {
                // Without GROUP BY every statement answers one series in time order (InfluxDB keeps one point per time).
                var station = chunk[s.Statement];
                var days = new DailyMeterAccumulator();
                foreach (var row in s.Rows)
                {
                    if (InfluxSeries.Double(row, 1) is { } kwh)
                    {
                        Keep(station, days.Add(InfluxSeries.Time(row), kwh));
                    }
                }

                Keep(station, days.Close());
            }
        }

        return result;

        void Keep(string station, DailyMeter? day)
        {
            if (day is not null)
            {
                result[(station, day.Date)] = day;
            }
        }
    }

    /// <summary>Daily meters kept in the long-term rollup, of the given stations or (null) every station.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RollupDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var select = $"SELECT {string.Join(", ", RollupFields.Select(InfluxQl.Identifier))} FROM {InfluxQl.Identifier(InfluxSchema.PvDaily)} WHERE ";
        var range = InfluxQl.Range(start, end);
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        if (stationIds is null)
        {
            Add(await store.QueryAsync(InfluxTarget.Rollup, $"{select}{range} GROUP BY {InfluxQl.Identifier(InfluxSchema.StationTag)}", cancellationToken).ConfigureAwait(false), null);
            return result;
        }

        foreach (var chunk in stationIds.Distinct(StringComparer.Ordinal).Chunk(StationsPerRequest))
        {
            var statements = chunk.Select(id => $"{select}{InfluxTimeSeriesStore.Is(InfluxSchema.StationTag, id)} AND {range}");
            Add(await store.QueryAsync(InfluxTarget.Rollup, string.Join("; ", statements), cancellationToken).ConfigureAwait(false), chunk);
        }

        return result;

        void Add(IReadOnlyList<InfluxSeries> series, string[]? chunk)
        {
            foreach (var s in series)
            {
                var station = chunk is null ? s.Tags.GetValueOrDefault(InfluxSchema.StationTag, "") : chunk[s.Statement];
                foreach (var row in s.Rows)
                {
                    if (InfluxSeries.Double(row, 1) is not { } first || InfluxSeries.Double(row, 2) is not { } last)
                    {
                        continue;
                    }

                    var date = ChinaTime.LocalDate(InfluxSeries.Time(row));
                    var count = InfluxSeries.Long(row, 3) ?? 0;
                    result[(station, date)] =
                        InfluxSeries.Long(row, 4) is { } firstAt && InfluxSeries.Long(row, 5) is { } lastAt && InfluxSeries.Double(row, 6) is { } min
                        && InfluxSeries.Double(row, 7) is { } rise && InfluxSeries.Long(row, 8) is { } down
                            ? new DailyMeter(date, first, last, count, At(firstAt), At(lastAt), min, rise, down)
                            : new DailyMeter(date, first, last, count); // written before the rollup had times, minimum and steps
                }
            }
        }
    }

    private async Task<bool> AnyReadingAsync(string range, CancellationToken cancellationToken) =>
        (await store.RawAsync($"SELECT {Meter} FROM {InfluxTimeSeriesStore.Pv} WHERE {range} LIMIT 1", cancellationToken).ConfigureAwait(false))
            .Any(s => s.Rows.Count > 0);

    /// <summary>Every station id the raw PV measurement has readings of (tag values are kept per series, whatever their time).</summary>
    private async Task<List<string>> StoredStationsAsync(CancellationToken cancellationToken)
    {
        var series = await store.RawAsync(
            $"SHOW TAG VALUES FROM {InfluxTimeSeriesStore.Pv} WITH KEY = {InfluxQl.Identifier(InfluxSchema.StationTag)}", cancellationToken).ConfigureAwait(false);
        return [.. series.SelectMany(s => s.Rows).Select(r => r[1].GetString()).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
