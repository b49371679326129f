using Telemetry.Alerts.Notifiers;

namespace Telemetry.Alerts.Api;

/// <summary>A queued notification in the API.</summary>
internal sealed record DeliveryView(
    long Id,
    long AlertId,
    string Channel,
    string Event,
    string State,
    int Attempts,
    bool Failing,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError)
{
    public static DeliveryView From(AlertDelivery d) => new(
        d.Id, d.AlertId, d.Channel, WireNames.Of(d.Event), WireNames.Of(d.State), d.Attempts, d.IsFailing, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.DeliveredAt, d.LastError);
}
