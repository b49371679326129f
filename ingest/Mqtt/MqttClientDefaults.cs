using System.Net;
using System.Net.Sockets;
using MQTTnet;

namespace Telemetry.Ingest.Mqtt;

/// <summary>Client socket settings that matter (research/tried-mqtt-rx.md §2): without them QoS 1 stalls and closes lose data.</summary>
public static class MqttClientDefaults
{
    /// <summary>256 KiB socket buffers (the 8 KiB default disables TCP autotuning) and a graceful close.</summary>
    public static MqttClientOptionsBuilder WithTelemetryTcp(this MqttClientOptionsBuilder builder, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The (host, port) overload marks the endpoint as set; the callback then tunes the same options.
        return builder.WithTcpServer(host, port).WithTcpServer(o =>
        {
            o.RemoteEndpoint = new DnsEndPoint(host, port);
            o.BufferSize = 256 * 1024;
            o.LingerState = new LingerOption(false, 0);
        });
    }
}
