using Telemetry.Alerts.Notifiers;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// The alerts as crews and operators see them: one alert per (device, rule) problem, its history, acknowledgement and
/// comments, and the notifications sent about it. Reads are synchronous (an in-process SQLite file); changes are
/// serialized through one writer.
/// </summary>
public interface IAlertLifecycle
{
    /// <summary>Every change, after it is stored: raised, escalated, acknowledged, commented, cleared, delivered, delivery failed.</summary>
    /// <remarks>Emitted on the lifecycle's or a delivery loop's thread; observe on your own context.</remarks>
    IObservable<AlertChange> Changes { get; }

    /// <summary>A page of alerts matching the query, newest first.</summary>
    AlertPage List(AlertQuery query);

    /// <summary>An alert with its history and comments; null for an unknown id.</summary>
    AlertDetail? Get(long id);

    /// <summary>Counts of active alerts by severity and rule, and failing notifications, in the query's scope.</summary>
    AlertSummary Summarize(AlertQuery scope);

    /// <summary>All active (open or acknowledged) alerts, oldest first — e.g. for detectors to resume their state at start.</summary>
    IReadOnlyList<Alert> Active();

    /// <summary>Notifications in the outbox, newest first.</summary>
    /// <param name="failingOnly">Only those whose last attempt failed (retrying or given up).</param>
    /// <param name="channel">Only this notifier's.</param>
    /// <param name="alertId">Only this alert's.</param>
    /// <param name="limit">At most this many.</param>
    IReadOnlyList<AlertDelivery> Deliveries(bool failingOnly, string? channel, long? alertId, int limit);

    /// <summary>Acknowledges an alert: who takes it on, with an optional note (kept as a comment).</summary>
    Task<AlertCommandResult> AcknowledgeAsync(long id, string by, string? note, CancellationToken cancellationToken);

    /// <summary>Adds a comment to an alert's history.</summary>
    Task<AlertCommandResult> CommentAsync(long id, string by, string text, CancellationToken cancellationToken);

    /// <summary>Queues a failed or waiting notification for an attempt now; false for an unknown or delivered one.</summary>
    bool RetryDelivery(long deliveryId);
}
