using Telemetry.Alerts.Notifiers;

namespace Telemetry.Alerts.IntegrationTests.Support;

internal static class Deliveries
{
    /// <summary>Waits until the channel has nothing left to send.</summary>
    public static Task<IReadOnlyList<AlertDelivery>> AllSentAsync(this AlertsHost host, string channel) =>
        Eventually.UntilAsync(
            () => host.Lifecycle.Deliveries(false, channel, null, 1_000),
            list => list.Count > 0 && list.All(d => d.State is DeliveryState.Delivered or DeliveryState.Superseded),
            $"every {channel} notification sent");
}
