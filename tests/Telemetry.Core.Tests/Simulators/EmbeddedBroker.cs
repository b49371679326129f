using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telemetry.Core.Fleet;
using Telemetry.Core.Security;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>
/// MQTTnet's embedded broker on a free loopback port that authenticates devices against the fleet's hashed
/// credentials and hands every inbound publish to a callback. It can be stopped and started again on the same port.
/// </summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly FleetRegistry _fleet;
    private readonly Action<InterceptingPublishEventArgs> _onPublish;
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public EmbeddedBroker(FleetRegistry fleet, Action<InterceptingPublishEventArgs> onPublish)
    {
        _fleet = fleet;
        _onPublish = onPublish;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public string Seed { get; } = "jincheng-demo-2026";

    public async Task StartAsync()
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        var server = factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName == "observer")
            {
                return Task.CompletedTask;
            }

            var ok = e.UserName == e.ClientId && _fleet.TryGetDevice(e.UserName, out var device) && Verify(device, e.Password);
            if (!ok)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += e =>
        {
            _onPublish(e);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        _server = server;
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(new MqttServerStopOptions());
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    // PBKDF2 is slow on purpose; verify each device once per test.
    private bool Verify(Device device, string? password) =>
        password is not null && _verified.GetOrAdd(device.Id + "\n" + password, _ => CredentialHasher.Verify(password, device.CredentialHash)) &&
        password == CredentialHasher.DeriveDevicePassword(Seed, device.Id);
}
