using System.Globalization;
using Microsoft.Data.Sqlite;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The history reads of <see cref="SqliteTimeSeriesStore"/>: rows are streamed in time order and bucketed here with the same
/// grid as InfluxQL's <c>GROUP BY time(width, offset)</c> (<see cref="SeriesBuckets"/>), so both adapters answer alike.
/// </summary>
internal sealed class SqliteHistoryQueries(Func<CancellationToken, Task<SqliteConnection>> open, FleetRegistry fleet)
{
    public async Task<IReadOnlyList<PvSeriesPoint>> PvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var result = new List<PvSeriesPoint>();
        var bucket = new SeriesAccumulator();
        long current = long.MinValue;
        await foreach (var row in RowsAsync(
            "SELECT ts, p_ac_kw, e_total_kwh FROM pv_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts",
            [("$id", stationId), ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            var start = SeriesBuckets.BucketStart(row.GetInt64(0), resolution);
            if (start != current && bucket.Count > 0)
            {
                result.Add(bucket.Pv(current));
                bucket = new SeriesAccumulator();
            }

            current = start;
            bucket.Add(row.GetDouble(1), row.GetDouble(2));
        }

        if (bucket.Count > 0)
        {
            result.Add(bucket.Pv(current));
        }

        return result;
    }

    public async Task<IReadOnlyList<BarnSeriesPoint>> BarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var result = new List<BarnSeriesPoint>();
        var bucket = new BarnAccumulator();
        long current = long.MinValue;
        await foreach (var row in RowsAsync(
            "SELECT ts, t_c, rh_pct, nh3_ppm, co2_ppm, h2s_ppm FROM barn_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts",
            [("$id", barnId), ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            var start = SeriesBuckets.BucketStart(row.GetInt64(0), resolution);
            if (start != current && bucket.Count > 0)
            {
                result.Add(bucket.Point(current));
                bucket = new BarnAccumulator();
            }

            current = start;
            bucket.Add(row.GetDouble(1), row.GetDouble(2), Nullable(row, 3), Nullable(row, 4), Nullable(row, 5));
        }

        if (bucket.Count > 0)
        {
            result.Add(bucket.Point(current));
        }

        return result;
    }

    public async Task<IReadOnlyList<VillagePowerPoint>> VillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        if (resolution == SeriesResolution.Raw)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "village power needs buckets (1m, 15m or 1d)");
        }

        var totals = new SortedDictionary<long, (double Power, int Stations)>();
        foreach (var station in fleet.Stations.Where(s => s.Village.Id == villageId))
        {
            foreach (var point in await PvSeriesAsync(station.Id, from, to, resolution, cancellationToken).ConfigureAwait(false))
            {
                var key = point.Time.ToUnixTimeMilliseconds();
                var (power, stations) = totals.GetValueOrDefault(key);
                totals[key] = (power + point.MeanPowerKw, stations + 1);
            }
        }

        return [.. totals.Select(t => new VillagePowerPoint(DateTimeOffset.FromUnixTimeMilliseconds(t.Key), t.Value.Power, t.Value.Stations))];
    }

    public async Task<IReadOnlyList<DailyMeter>> DailyMetersAsync(string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = (await RawDailyMetersAsync(stationId, from, to, cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Key.Date, p => p.Value);
        await foreach (var row in RowsAsync(
            "SELECT day, first_kwh, last_kwh, readings FROM pv_daily WHERE device_id = $id AND day >= $from AND day <= $to",
            [("$id", stationId), ("$from", Day(from)), ("$to", Day(to))], cancellationToken).ConfigureAwait(false))
        {
            var kept = new DailyMeter(DateOnly.ParseExact(row.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetDouble(1), row.GetDouble(2), row.GetInt64(3));
            // Raw wins unless it has begun to be pruned (then the rollup, made while the day was whole, has more readings).
            if (!days.TryGetValue(kept.Date, out var fresh) || kept.Readings > fresh.Readings)
            {
                days[kept.Date] = kept;
            }
        }

        return [.. days.Values.OrderBy(d => d.Date)];
    }

    public async Task<MeterBaseline?> MeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken)
    {
        MeterBaseline? raw = null, rollup = null;
        await foreach (var row in RowsAsync(
            "SELECT ts, e_total_kwh FROM pv_readings WHERE device_id = $id AND ts < $before ORDER BY ts DESC LIMIT 1",
            [("$id", stationId), ("$before", ChinaTime.StartOfDay(day).ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            raw = new MeterBaseline(ChinaTime.LocalDate(row.GetInt64(0)), row.GetDouble(1));
        }

        await foreach (var row in RowsAsync(
            "SELECT day, last_kwh FROM pv_daily WHERE device_id = $id AND day < $day ORDER BY day DESC LIMIT 1",
            [("$id", stationId), ("$day", Day(day))], cancellationToken).ConfigureAwait(false))
        {
            rollup = new MeterBaseline(DateOnly.ParseExact(row.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetDouble(1));
        }

        return raw is not null && (rollup is null || raw.Date >= rollup.Date) ? raw : rollup;
    }

    /// <summary>Daily meters from raw readings, of one station or (null) every station.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RawDailyMetersAsync(string? stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        var sql = stationId is null
            ? "SELECT device_id, ts, e_total_kwh FROM pv_readings WHERE ts >= $from AND ts < $to ORDER BY device_id, ts"
            : "SELECT device_id, ts, e_total_kwh FROM pv_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts";
        await foreach (var row in RowsAsync(sql, [("$id", stationId ?? ""), ("$from", start.ToUnixTimeMilliseconds()), ("$to", end.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            var key = (row.GetString(0), ChinaTime.LocalDate(row.GetInt64(1)));
            var kwh = row.GetDouble(2);
            result[key] = result.TryGetValue(key, out var day) ? day with { LastKwh = kwh, Readings = day.Readings + 1 } : new DailyMeter(key.Item2, kwh, kwh, 1);
        }

        return result;
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double? Nullable(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetDouble(i);

    private async IAsyncEnumerable<SqliteDataReader> RowsAsync(string sql, (string Name, object Value)[] parameters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader;
        }
    }
}
