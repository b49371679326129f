namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// The MQTT notifier (section <c>Alerts:Mqtt</c>): one retained topic per open alert,
/// <c>{Broker:TopicPrefix}alerts/{crewId}/{deviceId}/{rule}</c>, removed when the alert clears.
/// </summary>
public sealed class MqttAlertOptions : DeliveryOptions
{
    public const string SectionName = "Alerts:Mqtt";

    public MqttAlertOptions()
    {
        InitialBackoff = TimeSpan.FromSeconds(1);
        MaxBackoff = TimeSpan.FromMinutes(1);
    }

    /// <summary>Re-publish every open alert at start (the embedded broker keeps retained messages in memory only).</summary>
    public bool RepublishOnStart { get; set; } = true;
}
