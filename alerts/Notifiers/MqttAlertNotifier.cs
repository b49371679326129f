using System.Text.Json;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Ingest.Broker;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// Publishes each alert's state as a retained message on its crew's topic while it is open, and an empty retained
/// message when it clears (which removes it), so a crew that subscribes late sees exactly its open alerts.
/// </summary>
internal sealed class MqttAlertNotifier(IBrokerPublisher publisher) : IAlertNotifier
{
    public const string ChannelName = "mqtt";

    public string Channel => ChannelName;

    public bool LatestStateOnly => true;

    public Task DeliverAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var payload = notification.State == AlertState.Cleared
            ? ReadOnlyMemory<byte>.Empty
            : JsonSerializer.SerializeToUtf8Bytes(notification, AlertJson.Options);
        return publisher.PublishAsync(notification.Topic, payload, retain: true, cancellationToken);
    }
}
