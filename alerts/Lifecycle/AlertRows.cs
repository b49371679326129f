using Microsoft.Data.Sqlite;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Notifiers;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>Mapping between rows and records (columns in the order of <see cref="AlertSchema"/>'s column lists).</summary>
internal static class AlertRows
{
    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static object Ms(DateTimeOffset? instant) => instant is { } i ? i.ToUnixTimeMilliseconds() : DBNull.Value;

    public static object Db(string? value) => value is null ? DBNull.Value : value;

    public static DateTimeOffset Time(SqliteDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? OptionalString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Alert ReadAlert(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        (AlertSeverity)r.GetInt32(3),
        Enum.Parse<AlertState>(r.GetString(4)),
        Time(r, 5),
        OptionalTime(r, 6),
        Time(r, 7),
        OptionalString(r, 8),
        OptionalTime(r, 9),
        r.GetString(10),
        r.GetString(11),
        r.GetString(12),
        r.GetString(13));

    public static AlertDelivery ReadDelivery(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        Enum.Parse<AlertEventKind>(r.GetString(3)),
        Enum.Parse<DeliveryState>(r.GetString(4)),
        r.GetInt32(5),
        Time(r, 6),
        OptionalTime(r, 7),
        OptionalTime(r, 8),
        OptionalTime(r, 9),
        OptionalString(r, 10));

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static Alert? FindAlert(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {AlertSchema.AlertColumns} FROM alerts WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAlert(reader) : null;
    }

    public static void AddEvent(
        SqliteConnection connection, SqliteTransaction transaction, long alertId, AlertEventKind kind, DateTimeOffset at,
        string? by = null, string? text = null, AlertSeverity? severity = null, string? channel = null)
    {
        using var command = Command(
            connection,
            transaction,
            "INSERT INTO alert_events (alert_id, kind, at, by, text, severity, channel) VALUES ($a, $k, $at, $by, $text, $sev, $ch)",
            ("$a", alertId),
            ("$k", kind.ToString()),
            ("$at", Ms(at)),
            ("$by", Db(by)),
            ("$text", Db(text)),
            ("$sev", severity is { } s ? (int)s : DBNull.Value),
            ("$ch", Db(channel)));
        command.ExecuteNonQuery();
    }
}
