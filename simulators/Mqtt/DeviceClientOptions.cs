using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Telemetry.Core.Fleet;
using Telemetry.Core.Security;

namespace Telemetry.Simulators.Mqtt;

/// <summary>MQTT client options of a simulated device: its identity, its Last Will and the socket settings that matter.</summary>
internal static class DeviceClientOptions
{
    public static MqttClientOptions Create(MqttClientFactory factory, Device device, BrokerSettings broker, string statusTopic, byte[] willPayload, TimeSpan timeout)
    {
        EndPoint endpoint = IPAddress.TryParse(broker.Host, out var address)
            ? new IPEndPoint(address, broker.Port)
            : new DnsEndPoint(broker.Host, broker.Port);
        return factory.CreateClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port) // the builder requires an endpoint; the options below replace the TCP settings
            .WithTcpServer(o =>
            {
                o.RemoteEndpoint = endpoint;
                o.BufferSize = 256 * 1024; // the 8 KiB default disables TCP autotuning (research/tried-mqtt-rx.md §2)
                o.LingerState = new LingerOption(false, 0); // the default (true, 0) resets the socket on close
            })
            .WithClientId(device.Id)
            .WithCredentials(device.Id, CredentialHasher.DeriveDevicePassword(broker.CredentialSeed, device.Id))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(timeout)
            .WithWillTopic(statusTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }
}
