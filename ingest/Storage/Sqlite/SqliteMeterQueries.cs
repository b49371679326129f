using System.Globalization;
using Microsoft.Data.Sqlite;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The daily meter aggregates of <see cref="SqliteTimeSeriesStore"/> (<see cref="DailyMeter"/>): computed in SQL from raw
/// readings with window functions over (device, time), merged with the long-term rollup table <c>pv_daily</c>.
/// </summary>
internal sealed class SqliteMeterQueries(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const long DayMs = 86_400_000;
    private const long OffsetMs = 8 * 3_600_000;
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>
    /// Per station and local day (<c>(ts + 8 h) / 1 d</c>): first/last register and time, count, minimum, and the steps between
    /// consecutive readings of the same day (<c>LAG</c> over the station's readings in time order; a step whose previous
    /// reading lies on another day is no step of this day). Rows come in (device, time) order, the primary key's.
    /// </summary>
    private static readonly string RawDailySql = string.Create(CultureInfo.InvariantCulture, $$"""
        SELECT device_id, day, count(*), min(ts), max(ts),
               max(CASE WHEN step IS NULL THEN e END), max(CASE WHEN is_last THEN e END), min(e),
               total(CASE WHEN step > 0 THEN step END), count(CASE WHEN step < 0 THEN 1 END)
        FROM (SELECT device_id, ts, e_total_kwh AS e, (ts + {{OffsetMs}}) / {{DayMs}} AS day,
                     CASE WHEN (LAG(ts) OVER w + {{OffsetMs}}) / {{DayMs}} = (ts + {{OffsetMs}}) / {{DayMs}}
                          THEN e_total_kwh - LAG(e_total_kwh) OVER w END AS step,
                     coalesce((LEAD(ts) OVER w + {{OffsetMs}}) / {{DayMs}} <> (ts + {{OffsetMs}}) / {{DayMs}}, 1) AS is_last
              FROM pv_readings WHERE {0}ts >= $from AND ts < $to
              WINDOW w AS (PARTITION BY device_id ORDER BY ts))
        GROUP BY device_id, day
        """);

    /// <summary>Daily meters of the given stations (each one a key), raw readings and rollup merged: per day the one with more readings wins.</summary>
    public async Task<Dictionary<string, IReadOnlyList<DailyMeter>>> DailyMetersAsync(IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = await RawDailyMetersAsync(stationIds, from, to, cancellationToken).ConfigureAwait(false);
        var (filter, parameters) = InStations(stationIds);
        parameters.Add(("$from", Day(from)));
        parameters.Add(("$to", Day(to)));
        await foreach (var row in SqliteRows.ReadAsync(
            open,
            $"SELECT device_id, day, first_kwh, last_kwh, readings, first_ts, last_ts, min_kwh, rise_kwh, steps_down FROM pv_daily WHERE {filter}day >= $from AND day <= $to",
            parameters,
            cancellationToken).ConfigureAwait(false))
        {
            var key = (row.GetString(0), DateOnly.ParseExact(row.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture));
            var kept = Rollup(key.Item2, row);
            // Raw wins unless it has begun to be pruned (then the rollup, made while the day was whole, has more readings).
            if (!days.TryGetValue(key, out var fresh) || kept.Readings > fresh.Readings)
            {
                days[key] = kept;
            }
        }

        var result = stationIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => (IReadOnlyList<DailyMeter>)[], StringComparer.Ordinal);
        foreach (var station in days.GroupBy(d => d.Key.Station))
        {
            result[station.Key] = [.. station.Select(d => d.Value).OrderBy(d => d.Date)];
        }

        return result;
    }

    public async Task<MeterBaseline?> MeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken)
    {
        MeterBaseline? raw = null, rollup = null;
        await foreach (var row in SqliteRows.ReadAsync(
            open,
            "SELECT ts, e_total_kwh FROM pv_readings WHERE device_id = $id AND ts < $before ORDER BY ts DESC LIMIT 1",
            [("$id", stationId), ("$before", ChinaTime.StartOfDay(day).ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false))
        {
            raw = new MeterBaseline(ChinaTime.LocalDate(row.GetInt64(0)), row.GetDouble(1));
        }

        await foreach (var row in SqliteRows.ReadAsync(
            open, "SELECT day, last_kwh FROM pv_daily WHERE device_id = $id AND day < $day ORDER BY day DESC LIMIT 1", [("$id", stationId), ("$day", Day(day))], cancellationToken).ConfigureAwait(false))
        {
            rollup = new MeterBaseline(DateOnly.ParseExact(row.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetDouble(1));
        }

        return raw is not null && (rollup is null || raw.Date >= rollup.Date) ? raw : rollup;
    }

    /// <summary>Daily meters from raw readings, of the given stations or (null) every station.</summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RawDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var (filter, parameters) = stationIds is null ? ("", []) : InStations(stationIds);
        parameters.Add(("$from", start.ToUnixTimeMilliseconds()));
        parameters.Add(("$to", end.ToUnixTimeMilliseconds()));
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        await foreach (var row in SqliteRows.ReadAsync(open, string.Format(CultureInfo.InvariantCulture, RawDailySql, filter), parameters, cancellationToken).ConfigureAwait(false))
        {
            var date = DateOnly.FromDayNumber(UnixEpochDay + (int)row.GetInt64(1));
            result[(row.GetString(0), date)] = new DailyMeter(
                date,
                row.GetDouble(5),
                row.GetDouble(6),
                row.GetInt64(2),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(4)),
                row.GetDouble(7),
                row.GetDouble(8),
                row.GetInt64(9));
        }

        return result;
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A rollup row (columns 2–9); rows written before schema version 3 have only first, last and count.</summary>
    private static DailyMeter Rollup(DateOnly date, SqliteDataReader row) =>
        row.IsDBNull(5) || row.IsDBNull(6) || row.IsDBNull(7) || row.IsDBNull(8) || row.IsDBNull(9)
            ? new DailyMeter(date, row.GetDouble(2), row.GetDouble(3), row.GetInt64(4))
            : new DailyMeter(
                date,
                row.GetDouble(2),
                row.GetDouble(3),
                row.GetInt64(4),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(6)),
                row.GetDouble(7),
                row.GetDouble(8),
                row.GetInt64(9));

    private static (string Filter, List<(string Name, object Value)> Parameters) InStations(IReadOnlyCollection<string> stationIds)
    {
        var parameters = stationIds.Distinct(StringComparer.Ordinal).Select((id, i) => ("$s" + i.ToString(CultureInfo.InvariantCulture), (object)id)).ToList();
        return parameters.Count == 0
            ? ("0 AND ", parameters)
            : ($"device_id IN ({string.Join(", ", parameters.Select(p => p.Item1))}) AND ", parameters);
    }
}
