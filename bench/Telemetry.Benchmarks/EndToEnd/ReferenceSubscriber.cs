using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The external-broker reference: a plain MQTT 5 subscriber that only counts — QoS 1 on the same telemetry filters the
/// ingest client uses, the same Receive Maximum (2,000), 256 KiB socket buffers, acknowledged automatically after the
/// (empty) handler — so the broker delivers to it exactly what it delivers to ingest. Its filters sit under
/// <c>--topic-prefix</c>, where the service does not listen, so both stay connected and the runs can alternate.
/// </summary>
internal static class ReferenceSubscriber
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var prefix = Array.IndexOf(args, "--topic-prefix") is var i and >= 0 ? args[i + 1] : "";
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        long messages = 0;
        client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref messages);
            return Task.CompletedTask;
        };
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithTcpServer(o =>
            {
                o.RemoteEndpoint = new IPEndPoint(IPAddress.Loopback, port);
                o.BufferSize = 256 * 1024;
                o.LingerState = new LingerOption(false, 0);
            })
            .WithClientId("bench-reference-subscriber")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithReceiveMaximum(2_000)
            .Build();
        await client.ConnectAsync(options);
        await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(prefix + "pv/+/telemetry").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(prefix + "barn/+/telemetry").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { t = clock.Elapsed.TotalSeconds, messages = Interlocked.Read(ref messages) }));
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        await client.DisconnectAsync();
        return 0;
    }
}
