namespace Telemetry.Alerts.Notifiers;

/// <summary>A notifier with its retry policy: one outbox queue and one delivery loop each.</summary>
internal sealed record DeliveryChannel(IAlertNotifier Notifier, DeliveryOptions Options)
{
    public string Name => Notifier.Channel;
}
