using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MQTTnet.Server;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The embedded-broker reference: MQTTnet's server built with the service's options (IPv4 loopback only, the same port
/// setting, <c>MaxPendingMessagesPerClient</c> 250,000), devices logging in with client id = user name, and a publish
/// interception that only counts the message and drops it (<c>ProcessPublish = false</c>) — the service's own
/// interception minus decoding, storing and waiting for the commit. The device's PUBACK follows at once.
/// </summary>
internal static class ReferenceBroker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithMaxPendingMessagesPerClient(250_000)
            .Build();
        using var server = factory.CreateMqttServer(options);
        long messages = 0;
        server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != e.ClientId || string.IsNullOrEmpty(e.Password))
            {
                e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += e =>
        {
            e.ProcessPublish = false;
            Interlocked.Increment(ref messages);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
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

        await server.StopAsync(new MqttServerStopOptions());
        return 0;
    }
}
