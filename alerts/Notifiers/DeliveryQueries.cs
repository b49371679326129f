using System.Text.Json;
using Telemetry.Alerts.Lifecycle;
using static Telemetry.Alerts.Lifecycle.AlertRows;

namespace Telemetry.Alerts.Notifiers;

/// <summary>Reads of the outbox: what a channel has due, when its next retry is, and the notifications for the API and counters.</summary>
internal sealed class DeliveryQueries(AlertDatabase database)
{
    /// <summary>
    /// Pending notifications of the channel that are due, oldest first; one whose alert has an older pending
    /// notification on the channel waits for it (a webhook sees an alert's changes in order).
    /// </summary>
    public IReadOnlyList<(AlertDelivery Delivery, AlertNotification Notification)> NextDue(string channel, DateTimeOffset now, int limit)
    {
        using var connection = database.OpenRead();
        using var command = Command(
            connection,
            null,
            $"""
            SELECT {Prefixed("d")}, d.payload FROM deliveries d
            WHERE d.channel = $c AND d.state = 'Pending' AND d.next_attempt_at <= $now
              AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.channel = d.channel AND e.alert_id = d.alert_id AND e.state = 'Pending' AND e.id < d.id)
            ORDER BY d.id LIMIT $n
            """,
            ("$c", channel),
            ("$now", Ms(now)),
            ("$n", limit));
        using var reader = command.ExecuteReader();
        var due = new List<(AlertDelivery, AlertNotification)>();
        while (reader.Read())
        {
            var notification = JsonSerializer.Deserialize<AlertNotification>(reader.GetString(11), AlertJson.Options)!;
            due.Add((ReadDelivery(reader), notification));
        }

        return due;
    }

    /// <summary>When the channel's next attempt is due (of those not waiting behind an older one); null when nothing is pending.</summary>
    public DateTimeOffset? NextAttemptAt(string channel)
    {
        using var connection = database.OpenRead();
        using var command = Command(
            connection,
            null,
            """
            SELECT MIN(d.next_attempt_at) FROM deliveries d WHERE d.channel = $c AND d.state = 'Pending'
              AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.channel = d.channel AND e.alert_id = d.alert_id AND e.state = 'Pending' AND e.id < d.id)
            """,
            ("$c", channel));
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Notifications, newest first: all, or only those whose last attempt failed; optionally one channel or alert.</summary>
    public IReadOnlyList<AlertDelivery> List(bool failingOnly, string? channel, long? alertId, int limit)
    {
        using var connection = database.OpenRead();
        var where = new List<string>();
        if (failingOnly)
        {
            where.Add("(state = 'Failed' OR (state = 'Pending' AND attempts > 0))");
        }

        if (channel is not null)
        {
            where.Add("channel = $c");
        }

        if (alertId is not null)
        {
            where.Add("alert_id = $a");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        using var command = Command(
            connection,
            null,
            $"SELECT {AlertSchema.DeliveryColumns} FROM deliveries {filter} ORDER BY id DESC LIMIT $n",
            ("$c", Db(channel)),
            ("$a", alertId is { } a ? a : DBNull.Value),
            ("$n", limit));
        using var reader = command.ExecuteReader();
        var list = new List<AlertDelivery>();
        while (reader.Read())
        {
            list.Add(ReadDelivery(reader));
        }

        return list;
    }

    /// <summary>Per channel (every one of <paramref name="channels"/>, and any other with rows): notifications waiting (pending), failing (last attempt failed, still retried) and given up.</summary>
    public IReadOnlyDictionary<string, DeliveryCounts> Counts(IEnumerable<string> channels)
    {
        var counts = channels.ToDictionary(c => c, _ => new DeliveryCounts(0, 0, 0), StringComparer.Ordinal);
        using var connection = database.OpenRead();
        using var command = Command(
            connection,
            null,
            """
            SELECT channel, SUM(state = 'Pending'), SUM(state = 'Pending' AND attempts > 0), SUM(state = 'Failed')
            FROM deliveries WHERE state IN ('Pending', 'Failed') GROUP BY channel
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = new DeliveryCounts(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        }

        return counts;
    }

    private static string Prefixed(string alias) => string.Join(", ", AlertSchema.DeliveryColumns.Split(", ").Select(c => $"{alias}.{c}"));
}
