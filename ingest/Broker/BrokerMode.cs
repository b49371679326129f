namespace Telemetry.Ingest.Broker;

/// <summary>Which MQTT broker the service uses (<c>Broker:Mode</c>).</summary>
public enum BrokerMode
{
    /// <summary>Run MQTTnet's server in this process and take readings from its publish interception (the default).</summary>
    Embedded,

    /// <summary>Connect to an external broker (Mosquitto, EMQX, HiveMQ) as a subscriber.</summary>
    External,
}
