using Telemetry.Core.Fleet;

namespace Telemetry.Ingest.Broker;

/// <summary>Who is connected to the embedded broker: a registered device, or a service account.</summary>
internal sealed record BrokerPrincipal(string Name, Device? Device)
{
    public const string SessionKey = "telemetry.principal";

    public static BrokerPrincipal ForDevice(Device device) => new(device.Id, device);

    public static BrokerPrincipal ForAccount(string username) => new(username, null);
}
