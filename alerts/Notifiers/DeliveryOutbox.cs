using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telemetry.Alerts.Lifecycle;
using static Telemetry.Alerts.Lifecycle.AlertRows;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// The notifiers' outbox (table <c>deliveries</c>): a notification is queued in the same transaction as the change it
/// reports, so nothing is lost across a crash or restart, and each channel's loop takes its own rows in order.
/// </summary>
internal sealed class DeliveryOutbox
{
    private readonly AlertDatabase _database;
    private readonly AlertNotificationFactory _notifications;
    private readonly Dictionary<string, (DeliveryChannel Channel, WakeSignal Wake)> _channels;

    public DeliveryOutbox(AlertDatabase database, AlertNotificationFactory notifications, IEnumerable<DeliveryChannel> channels)
    {
        _database = database;
        _notifications = notifications;
        _channels = channels.ToDictionary(c => c.Name, c => (c, new WakeSignal()), StringComparer.Ordinal);
    }

    public IEnumerable<DeliveryChannel> Channels => _channels.Values.Select(c => c.Channel);

    public WakeSignal WakeSignalOf(string channel) => _channels[channel].Wake;

    /// <summary>Wakes every channel's loop; call after the transaction that queued notifications has committed.</summary>
    public void WakeAll()
    {
        foreach (var (_, wake) in _channels.Values)
        {
            wake.Set();
        }
    }

    /// <summary>Queues the change for every channel, inside the caller's transaction.</summary>
    public void Enqueue(SqliteConnection connection, SqliteTransaction transaction, Alert alert, AlertEventKind kind, DateTimeOffset now)
    {
        foreach (var (channel, _) in _channels.Values)
        {
            Enqueue(connection, transaction, channel, alert, kind, now);
        }
    }

    /// <summary>
    /// Sets aside what is still queued for notifiers that are no longer configured (a webhook removed from the settings),
    /// so it neither waits forever nor counts as failing; the rows stay, marked superseded with the reason.
    /// </summary>
    public int AbandonUnconfigured(DateTimeOffset now) => _database.Write((connection, transaction) =>
    {
        var configured = string.Join(", ", _channels.Keys.Select((_, i) => $"$c{i}"));
        using var command = Command(
            connection,
            transaction,
            $"""
            UPDATE deliveries SET state = 'Superseded', next_attempt_at = NULL, last_attempt_at = $now, last_error = 'notifier no longer configured'
            WHERE state IN ('Pending', 'Failed'){(_channels.Count == 0 ? "" : $" AND channel NOT IN ({configured})")}
            """,
            [("$now", Ms(now)), .. _channels.Keys.Select((c, i) => ($"$c{i}", (object?)c))]);
        return command.ExecuteNonQuery();
    });

    /// <summary>Queues the current state of every active alert on the latest-state channels (retained topics after a restart).</summary>
    public int EnqueueRepublish(DateTimeOffset now)
    {
        var channels = _channels.Values.Select(c => c.Channel).Where(c => c.Notifier.LatestStateOnly).ToList();
        if (channels.Count == 0)
        {
            return 0;
        }

        var count = _database.Write((connection, transaction) =>
        {
            var active = new List<Alert>();
            using (var command = Command(connection, transaction, $"SELECT {AlertSchema.AlertColumns} FROM alerts WHERE state != 'Cleared' ORDER BY id"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    active.Add(ReadAlert(reader));
                }
            }

            foreach (var alert in active)
            {
                foreach (var channel in channels)
                {
                    Enqueue(connection, transaction, channel, alert, AlertEventKind.Republished, now);
                }
            }

            return active.Count;
        });
        WakeAll();
        return count;
    }

    /// <summary>Marks the notification delivered and records it in the alert's history (except re-publications).</summary>
    public Alert? MarkDelivered(AlertDelivery delivery, DateTimeOffset now) => _database.Write((connection, transaction) =>
    {
        using (var command = Command(
            connection,
            transaction,
            "UPDATE deliveries SET state = 'Delivered', attempts = attempts + 1, last_attempt_at = $now, delivered_at = $now, next_attempt_at = NULL WHERE id = $id AND state = 'Pending'",
            ("$id", delivery.Id),
            ("$now", Ms(now))))
        {
            command.ExecuteNonQuery();
        }

        if (delivery.Event != AlertEventKind.Republished)
        {
            var text = delivery.Attempts == 0 ? delivery.Event.ToString() : $"{delivery.Event} (attempt {delivery.Attempts + 1})";
            AddEvent(connection, transaction, delivery.AlertId, AlertEventKind.Delivered, now, text: text, channel: delivery.Channel);
        }

        return FindAlert(connection, transaction, delivery.AlertId);
    });

    /// <summary>
    /// Records a failed attempt: retried at <paramref name="retryAt"/>, or given up (state failed) when it is null. The
    /// alert's history gets the first failure and the giving up, not every retry.
    /// </summary>
    public Alert? MarkFailed(AlertDelivery delivery, DateTimeOffset now, string error, DateTimeOffset? retryAt) => _database.Write((connection, transaction) =>
    {
        using (var command = Command(
            connection,
            transaction,
            """
            UPDATE deliveries SET state = $state, attempts = attempts + 1, last_attempt_at = $now, next_attempt_at = $next, last_error = $error
            WHERE id = $id AND state = 'Pending'
            """,
            ("$id", delivery.Id),
            ("$now", Ms(now)),
            ("$state", retryAt is null ? nameof(DeliveryState.Failed) : nameof(DeliveryState.Pending)),
            ("$next", Ms(retryAt)),
            ("$error", error)))
        {
            command.ExecuteNonQuery();
        }

        var attempts = delivery.Attempts + 1;
        if (retryAt is null)
        {
            AddEvent(connection, transaction, delivery.AlertId, AlertEventKind.DeliveryFailed, now, text: $"{delivery.Event}: gave up after {attempts} attempts: {error}", channel: delivery.Channel);
        }
        else if (attempts == 1)
        {
            AddEvent(connection, transaction, delivery.AlertId, AlertEventKind.DeliveryFailed, now, text: $"{delivery.Event}: {error}; retrying", channel: delivery.Channel);
        }

        return FindAlert(connection, transaction, delivery.AlertId);
    });

    /// <summary>Puts a failed (or waiting) notification back in the queue for an attempt now, with its attempts reset.</summary>
    public bool Retry(long deliveryId, DateTimeOffset now)
    {
        var changed = _database.Write((connection, transaction) =>
        {
            using var command = Command(
                connection,
                transaction,
                "UPDATE deliveries SET state = 'Pending', attempts = 0, next_attempt_at = $now WHERE id = $id AND state IN ('Failed', 'Pending')",
                ("$id", deliveryId),
                ("$now", Ms(now)));
            return command.ExecuteNonQuery() > 0;
        });
        if (changed)
        {
            WakeAll();
        }

        return changed;
    }

    private void Enqueue(SqliteConnection connection, SqliteTransaction transaction, DeliveryChannel channel, Alert alert, AlertEventKind kind, DateTimeOffset now)
    {
        if (channel.Notifier.LatestStateOnly)
        {
            using var supersede = Command(
                connection,
                transaction,
                "UPDATE deliveries SET state = 'Superseded', next_attempt_at = NULL WHERE alert_id = $a AND channel = $c AND state IN ('Pending', 'Failed')",
                ("$a", alert.Id),
                ("$c", channel.Name));
            supersede.ExecuteNonQuery();
        }

        var payload = JsonSerializer.Serialize(_notifications.Create(alert, kind, now), AlertJson.Options);
        using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO deliveries (alert_id, channel, event, payload, state, attempts, created_at, next_attempt_at)
            VALUES ($a, $c, $e, $p, 'Pending', 0, $now, $now)
            """,
            ("$a", alert.Id),
            ("$c", channel.Name),
            ("$e", kind.ToString()),
            ("$p", payload),
            ("$now", Ms(now)));
        insert.ExecuteNonQuery();
    }
}
