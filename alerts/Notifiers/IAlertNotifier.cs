namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// One way of telling a crew about alert changes. Each notifier gets its own outbox queue and delivery loop, so a slow
/// or failing one never holds up detection or the other notifiers; what it fails to deliver is retried with backoff.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Stable channel name stored with each queued notification, e.g. <c>mqtt</c>, <c>webhook</c>.</summary>
    string Channel { get; }

    /// <summary>
    /// True when only the latest state of an alert matters (a retained topic): a newer notification supersedes older
    /// undelivered ones. False when every change must arrive, in order (a webhook).
    /// </summary>
    bool LatestStateOnly { get; }

    /// <summary>Delivers one notification; throws (or is cancelled) when it could not, and is then retried.</summary>
    Task DeliverAsync(AlertNotification notification, CancellationToken cancellationToken);
}
