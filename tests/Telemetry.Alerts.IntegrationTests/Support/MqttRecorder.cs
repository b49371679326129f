using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using Telemetry.Ingest.Mqtt;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>
/// A crew-side MQTT client inside the host, started after the broker and before the simulators, recording everything
/// published under a filter, so nothing raised and cleared early is missed.
/// </summary>
internal sealed class MqttRecorder(Func<int> port, string filter) : IHostedService, IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<(string Topic, string Payload)> Messages { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Messages.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTelemetryTcp("127.0.0.1", port()).WithClientId("crew-recorder")
            .WithCredentials(AlertsHost.OpsUser, AlertsHost.OpsPassword).WithTimeout(TimeSpan.FromSeconds(10)).Build();
        await _client.ConnectAsync(options, cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS()).Build(), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>The payloads published on <paramref name="topic"/>, in order (an empty one removed the retained alert).</summary>
    public IReadOnlyList<string> On(string topic) => [.. Messages.Where(m => m.Topic == topic).Select(m => m.Payload)];

    public void Dispose() => _client.Dispose();
}
