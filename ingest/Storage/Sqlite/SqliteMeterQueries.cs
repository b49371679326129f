using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The daily meter aggregates of <see cref="SqliteTimeSeriesStore"/> (<see cref="DailyMeter"/>): computed from raw readings
/// streamed in (device, time) order, merged with the long-term rollup table <c>pv_daily</c>.
/// </summary>
internal sealed class SqliteMeterQueries(Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>Station ids per <c>IN (…)</c> list, well below SQLite's limit on parameters.</summary>
    private const int StationsPerRollupQuery = 500;

    /// <summary>Daily meters of the given stations (each one a key), raw readings and rollup merged: per day the one with more readings wins.</summary>
    public async Task<Dictionary<string, IReadOnlyList<DailyMeter>>> DailyMetersAsync(IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = await RawDailyMetersAsync(stationIds, from, to, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in stationIds.Distinct(StringComparer.Ordinal).Chunk(StationsPerRollupQuery))
        {
            var (filter, parameters) = InStations(chunk);
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

    /// <summary>
    /// Daily meters from raw readings, of the given stations or (null) every station: the readings' registers streamed in
    /// (device, time) order — the primary key's, so no sorting — and summed up here (<see cref="DailyMeterAccumulator"/>).
    /// A window-function query (LAG over each device's readings) computes the same in SQL but is ~25× slower on SQLite.
    /// </summary>
    public async Task<Dictionary<(string Station, DateOnly Date), DailyMeter>> RawDailyMetersAsync(IReadOnlyCollection<string>? stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = SeriesBuckets.Days(from, to);
        var result = new Dictionary<(string, DateOnly), DailyMeter>();
        await using var connection = await open(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$from", start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", end.ToUnixTimeMilliseconds());
        if (stationIds is null)
        {
            command.CommandText = "SELECT device_id, ts, e_total_kwh FROM pv_readings WHERE ts >= $from AND ts < $to ORDER BY device_id, ts";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            string? station = null;
            var days = new DailyMeterAccumulator();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (id != station)
                {
                    Keep(station, days.Close());
                    station = id;
                }

                Keep(station, days.Add(reader.GetInt64(1), reader.GetDouble(2)));
            }

            Keep(station, days.Close());
            return result;
        }

        // Straight on the statement API: Microsoft.Data.Sqlite's reader asks each column's type before its value (5 native calls
        // a row here, most of the read's CPU); a row needs 3. Both columns are NOT NULL.
        var db = connection.Handle!;
        raw.sqlite3_busy_timeout(db, 30_000); // as the connection's DefaultTimeout: wait out a checkpoint instead of failing
        Check(raw.sqlite3_prepare_v2(db, "SELECT ts, e_total_kwh FROM pv_readings WHERE device_id = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts", out var statement), db);
        using (statement)
        {
            foreach (var station in stationIds.Distinct(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_text(statement, 1, station);
                raw.sqlite3_bind_int64(statement, 2, start.ToUnixTimeMilliseconds());
                raw.sqlite3_bind_int64(statement, 3, end.ToUnixTimeMilliseconds());
                var days = new DailyMeterAccumulator();
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    Keep(station, days.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_double(statement, 1)));
                }

                Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc, db);
                Keep(station, days.Close());
            }
        }

        return result;

        void Keep(string? station, DailyMeter? day)
        {
            if (station is not null && day is not null)
            {
                result[(station, day.Date)] = day;
            }
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
        }
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
