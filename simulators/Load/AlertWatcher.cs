using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Telemetry.Simulators.Load;

/// <summary>
/// Subscribes to <c>alerts/#</c> and measures, for every injected fault, the time from the fault reading's device
/// timestamp (the wall clock when it was sent) to the arrival of its <c>pv.inverter_fault</c> alert.
/// </summary>
internal sealed class AlertWatcher(LoadOptions options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LoadDevice> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _latencies = new();
    private IMqttClient? _client;

    public int Injected { get; private set; }

    public int Seen => _latencies.Count;

    public IReadOnlyCollection<double> LatenciesMs => _latencies;

    public async Task StartAsync(MqttClientFactory factory, CancellationToken ct)
    {
        _client = factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var parts = e.ApplicationMessage.Topic.Split('/');
            if (parts.Length >= 4 && parts[^1] == "pv.inverter_fault" && !e.ApplicationMessage.Payload.IsEmpty
                && _pending.TryGetValue(parts[^2], out var device) && device.FaultTimestampMs > 0 && _pending.TryRemove(parts[^2], out _))
            {
                _latencies.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - device.FaultTimestampMs);
            }

            return Task.CompletedTask;
        };
        var builder = factory.CreateClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithTcpServer(o =>
            {
                o.RemoteEndpoint = new IPEndPoint(IPAddress.Parse(options.Host), options.Port);
                o.BufferSize = 256 * 1024;
                o.LingerState = new LingerOption(false, 0);
            })
            .WithClientId("bench-alert-watcher")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true);
        if (options.AlertUser is not null)
        {
            builder = builder.WithCredentials(options.AlertUser, options.AlertPassword);
        }

        var result = await _client.ConnectAsync(builder.Build(), ct).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"alert watcher could not log in: {result.ResultCode}");
        }

        await _client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("alerts/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), ct).ConfigureAwait(false);
    }

    /// <summary>Injects a fault into the next message of <paramref name="device"/> and waits for its alert.</summary>
    public void Inject(LoadDevice device)
    {
        if (_pending.TryAdd(device.Id, device))
        {
            Injected++;
            device.InjectFault();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client?.Dispose();
    }
}
