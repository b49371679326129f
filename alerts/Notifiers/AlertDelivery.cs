using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.Notifiers;

/// <summary>One notification in the outbox: what is sent on which channel, and how delivering it has gone.</summary>
/// <param name="Id">Outbox id.</param>
/// <param name="AlertId">The alert it is about.</param>
/// <param name="Channel">The notifier (<see cref="IAlertNotifier.Channel"/>).</param>
/// <param name="Event">The change it reports.</param>
/// <param name="State">Pending, delivered, failed (given up) or superseded.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="CreatedAt">Wall time it was queued.</param>
/// <param name="NextAttemptAt">When it is tried next, while pending.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="DeliveredAt">When it was delivered.</param>
/// <param name="LastError">Why the last attempt failed.</param>
public sealed record AlertDelivery(
    long Id,
    long AlertId,
    string Channel,
    AlertEventKind Event,
    DeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError)
{
    /// <summary>The last attempt failed (it is being retried or was given up).</summary>
    public bool IsFailing => State == DeliveryState.Failed || (State == DeliveryState.Pending && Attempts > 0);
}
