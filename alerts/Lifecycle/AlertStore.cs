using Microsoft.Data.Sqlite;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Notifiers;
using Telemetry.Alerts.Routing;
using static Telemetry.Alerts.Lifecycle.AlertRows;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// Alert transitions, each one transaction: the alert row, its history entry and the queued notifications. Called from
/// the lifecycle's single writer loop; the partial unique index still guarantees one open alert per (device, rule).
/// </summary>
internal sealed class AlertStore(AlertDatabase database, DeliveryOutbox outbox)
{
    private const int SqliteConstraint = 19;

    /// <summary>Applies a detector signal; idempotent for repeated and replayed signals.</summary>
    public (SignalOutcome Outcome, Alert? Alert) Apply(AlertSignal signal, AlertRoute route, DateTimeOffset now)
    {
        try
        {
            return database.Write((connection, transaction) => signal.Active
                ? Raise(connection, transaction, signal, route, now)
                : Clear(connection, transaction, signal, now));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            // Another writer on the same file opened it first: the unique open alert holds, this raise is a repeat.
            return (SignalOutcome.AlreadyOpen, null);
        }
    }

    public AlertCommandResult Acknowledge(long id, string by, string? note, DateTimeOffset now) => database.Write((connection, transaction) =>
    {
        var alert = FindAlert(connection, transaction, id);
        if (alert is null)
        {
            return new AlertCommandResult(AlertCommandOutcome.NotFound, null);
        }

        if (alert.AcknowledgedBy is not null)
        {
            return new AlertCommandResult(AlertCommandOutcome.AlreadyAcknowledged, alert);
        }

        // A cleared alert can still be acknowledged (someone confirms they saw it); it stays cleared.
        Execute(
            connection,
            transaction,
            "UPDATE alerts SET ack_by = $by, ack_at = $now, updated_at = $now, state = CASE state WHEN 'Open' THEN 'Acknowledged' ELSE state END WHERE id = $id",
            ("$id", id),
            ("$by", by),
            ("$now", Ms(now)));
        AddEvent(connection, transaction, id, AlertEventKind.Acknowledged, now, by, note);
        if (!string.IsNullOrWhiteSpace(note))
        {
            AddComment(connection, transaction, id, by, note, now);
        }

        alert = FindAlert(connection, transaction, id)!;
        outbox.Enqueue(connection, transaction, alert, AlertEventKind.Acknowledged, now);
        return new AlertCommandResult(AlertCommandOutcome.Done, alert);
    });

    public AlertCommandResult Comment(long id, string by, string text, DateTimeOffset now) => database.Write((connection, transaction) =>
    {
        var alert = FindAlert(connection, transaction, id);
        if (alert is null)
        {
            return new AlertCommandResult(AlertCommandOutcome.NotFound, null);
        }

        AddComment(connection, transaction, id, by, text, now);
        AddEvent(connection, transaction, id, AlertEventKind.Commented, now, by, text);
        return new AlertCommandResult(AlertCommandOutcome.Done, alert);
    });

    private static Alert? FindOpen(SqliteConnection connection, SqliteTransaction transaction, string deviceId, string rule)
    {
        using var command = Command(
            connection,
            transaction,
            $"SELECT {AlertSchema.AlertColumns} FROM alerts WHERE device_id = $d AND rule = $r AND state != 'Cleared'",
            ("$d", deviceId),
            ("$r", rule));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAlert(reader) : null;
    }

    private static DateTimeOffset? LastClearedAt(SqliteConnection connection, SqliteTransaction transaction, string deviceId, string rule)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT MAX(cleared_at) FROM alerts WHERE device_id = $d AND rule = $r AND state = 'Cleared'",
            ("$d", deviceId),
            ("$r", rule));
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static void AddComment(SqliteConnection connection, SqliteTransaction transaction, long id, string by, string text, DateTimeOffset now) =>
        Execute(connection, transaction, "INSERT INTO alert_comments (alert_id, at, by, text) VALUES ($id, $now, $by, $text)", ("$id", id), ("$now", Ms(now)), ("$by", by), ("$text", text));

    private (SignalOutcome, Alert?) Raise(SqliteConnection connection, SqliteTransaction transaction, AlertSignal signal, AlertRoute route, DateTimeOffset now)
    {
        // Replaying stored readings at start re-emits raises of episodes that have already cleared: not a new alert.
        if (LastClearedAt(connection, transaction, signal.DeviceId, signal.Rule) is { } lastCleared && signal.At <= lastCleared)
        {
            return (SignalOutcome.Stale, null);
        }

        var open = FindOpen(connection, transaction, signal.DeviceId, signal.Rule);
        if (open is not null)
        {
            if (signal.Severity <= open.Severity)
            {
                return (SignalOutcome.AlreadyOpen, open);
            }

            // Worse than what was acknowledged: it needs someone to look again.
            Execute(
                connection,
                transaction,
                "UPDATE alerts SET severity = $sev, message = $msg, state = 'Open', ack_by = NULL, ack_at = NULL, updated_at = $now WHERE id = $id",
                ("$id", open.Id),
                ("$sev", (int)signal.Severity),
                ("$msg", signal.Message),
                ("$now", Ms(now)));
            AddEvent(connection, transaction, open.Id, AlertEventKind.Escalated, now, text: signal.Message, severity: signal.Severity);
            var escalated = FindAlert(connection, transaction, open.Id)!;
            outbox.Enqueue(connection, transaction, escalated, AlertEventKind.Escalated, now);
            return (SignalOutcome.Escalated, escalated);
        }

        long id;
        using (var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO alerts (device_id, rule, severity, state, raised_at, updated_at, message, crew_id, county_id, village_id)
            VALUES ($d, $r, $sev, 'Open', $at, $now, $msg, $crew, $county, $village) RETURNING id
            """,
            ("$d", signal.DeviceId),
            ("$r", signal.Rule),
            ("$sev", (int)signal.Severity),
            ("$at", Ms(signal.At)),
            ("$now", Ms(now)),
            ("$msg", signal.Message),
            ("$crew", route.Crew.Id),
            ("$county", route.County.Id),
            ("$village", route.Village.Id)))
        {
            id = (long)insert.ExecuteScalar()!;
        }

        AddEvent(connection, transaction, id, AlertEventKind.Raised, now, text: signal.Message, severity: signal.Severity);
        var raised = FindAlert(connection, transaction, id)!;
        outbox.Enqueue(connection, transaction, raised, AlertEventKind.Raised, now);
        return (SignalOutcome.Raised, raised);
    }

    private (SignalOutcome, Alert?) Clear(SqliteConnection connection, SqliteTransaction transaction, AlertSignal signal, DateTimeOffset now)
    {
        var open = FindOpen(connection, transaction, signal.DeviceId, signal.Rule);
        if (open is null)
        {
            return (SignalOutcome.NotOpen, null);
        }

        // A replayed clear of an earlier episode must not close the episode that is open now.
        if (signal.At < open.RaisedAt)
        {
            return (SignalOutcome.Stale, open);
        }

        Execute(
            connection,
            transaction,
            "UPDATE alerts SET state = 'Cleared', cleared_at = $at, updated_at = $now WHERE id = $id",
            ("$id", open.Id),
            ("$at", Ms(signal.At)),
            ("$now", Ms(now)));
        AddEvent(connection, transaction, open.Id, AlertEventKind.Cleared, now, text: signal.Message);
        var cleared = FindAlert(connection, transaction, open.Id)!;
        outbox.Enqueue(connection, transaction, cleared, AlertEventKind.Cleared, now);
        return (SignalOutcome.Cleared, cleared);
    }
}
