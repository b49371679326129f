using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Alerts.Lifecycle;
using static Telemetry.Alerts.Lifecycle.AlertRows;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// The daily underperformance rules' memory in the alert database: one row per station, rule and judged day (upserted,
/// so saving a day again replaces it), and the last closed day per county. Rows older than <see cref="KeepDays"/> are
/// deleted when a newer verdict of the same station and rule is written, so the latest verdict of a station that has
/// not been judged for months is kept.
/// </summary>
internal sealed partial class SqliteDayResultStore(AlertDatabase database, ILogger<SqliteDayResultStore> logger) : IDayResultStore
{
    /// <summary>Days of verdicts kept per station and rule, to look up why a run did or did not alert.</summary>
    public const int KeepDays = 62;

    private const string Latest = """
        SELECT station_id, rule, day, ratio, below_major, below_minor, active, shown FROM pv_day_results AS r
        WHERE day = (SELECT MAX(day) FROM pv_day_results AS m WHERE m.station_id = r.station_id AND m.rule = r.rule)
        """;

    private const string Upsert = """
        INSERT INTO pv_day_results (station_id, rule, day, ratio, below_major, below_minor, active, shown)
        VALUES ($station, $rule, $day, $ratio, $major, $minor, $active, $shown)
        ON CONFLICT (station_id, rule, day) DO UPDATE SET ratio = excluded.ratio, below_major = excluded.below_major,
            below_minor = excluded.below_minor, active = excluded.active, shown = excluded.shown
        """;

    public DayResults Load()
    {
        try
        {
            using var connection = database.OpenRead();
            var closed = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            using (var command = Command(connection, null, "SELECT county_id, day FROM pv_days_closed"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    closed[reader.GetString(0)] = Day(reader.GetString(1));
                }
            }

            var latest = new List<DayVerdict>();
            using (var command = Command(connection, null, Latest))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    latest.Add(new DayVerdict(
                        reader.GetString(0),
                        reader.GetString(1),
                        Day(reader.GetString(2)),
                        reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
                        reader.GetInt32(4),
                        reader.GetInt32(5),
                        reader.IsDBNull(6) ? null : (AlertSeverity)reader.GetInt32(6),
                        reader.GetInt32(7) != 0));
                }
            }

            return new DayResults(closed, latest);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogLoadFailed(e);
            return DayResults.Empty;
        }
    }

    public void Save(ClosedDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        try
        {
            database.Write((connection, transaction) =>
            {
                using var upsert = Command(
                    connection, transaction, Upsert, ("$station", ""), ("$rule", ""), ("$day", ""), ("$ratio", 0.0), ("$major", 0), ("$minor", 0), ("$active", 0), ("$shown", 0));
                using var prune = Command(
                    connection, transaction, "DELETE FROM pv_day_results WHERE station_id = $station AND rule = $rule AND day < $before", ("$station", ""), ("$rule", ""), ("$before", ""));
                var before = Text(day.Day.AddDays(-KeepDays));
                foreach (var v in day.Verdicts)
                {
                    Set(upsert, ("$station", v.StationId), ("$rule", v.Rule), ("$day", Text(v.Day)), ("$ratio", double.IsNaN(v.Ratio) ? DBNull.Value : v.Ratio),
                        ("$major", v.BelowMajor), ("$minor", v.BelowMinor), ("$active", v.Active is { } a ? (int)a : DBNull.Value), ("$shown", v.Shown ? 1 : 0));
                    upsert.ExecuteNonQuery();
                    Set(prune, ("$station", v.StationId), ("$rule", v.Rule), ("$before", before));
                    prune.ExecuteNonQuery();
                }

                // The closed day only moves forward: saving an older day again does not reopen the days after it.
                using var closed = Command(
                    connection,
                    transaction,
                    "INSERT INTO pv_days_closed (county_id, day) VALUES ($county, $day) ON CONFLICT (county_id) DO UPDATE SET day = excluded.day WHERE excluded.day > pv_days_closed.day",
                    ("$county", day.CountyId),
                    ("$day", Text(day.Day)));
                return closed.ExecuteNonQuery();
            });
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(e, day.CountyId, day.Day);
        }
    }

    private static void Set(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the daily underperformance results; multi-day counts start from zero")]
    private partial void LogLoadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save the daily underperformance results of {CountyId} {Day}; they are kept in memory until the next restart")]
    private partial void LogSaveFailed(Exception exception, string countyId, DateOnly day);
}
