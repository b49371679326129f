using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Ingest.Mqtt;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>A crew's MQTT client (the ops account): subscribes to a filter and collects what arrives, retained or not.</summary>
internal sealed class AlertSubscriber : IAsyncDisposable
{
    private readonly Channel<(string Topic, string Payload, bool Retained)> _messages = Channel.CreateUnbounded<(string, string, bool)>();
    private readonly IMqttClient _client;
    private readonly string _sentinelPrefix;

    private AlertSubscriber(IMqttClient client, string sentinelPrefix)
    {
        _client = client;
        _sentinelPrefix = sentinelPrefix;

        // Before subscribing: retained messages arrive right after the SUBACK.
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload;
            _messages.Writer.TryWrite((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(payload.ToArray()), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    /// <summary>Connects and subscribes to <paramref name="filter"/> (which must end in <c>/#</c>).</summary>
    public static async Task<AlertSubscriber> ConnectAsync(int port, string filter)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTelemetryTcp("127.0.0.1", port).WithClientId("crew-" + Guid.NewGuid().ToString("N"))
            .WithCredentials(AlertsHost.OpsUser, AlertsHost.OpsPassword).WithTimeout(TimeSpan.FromSeconds(10)).Build();
        var result = await client.ConnectAsync(options);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"crew subscriber could not connect: {result.ResultCode}");
        }

        var subscriber = new AlertSubscriber(client, filter[..^1] + "_sentinel/");
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS()).Build());
        return subscriber;
    }

    /// <summary>
    /// Everything received until a sentinel published now comes back: on one connection the retained messages of a
    /// subscription, and anything published before the sentinel, arrive before it.
    /// </summary>
    public async Task<IReadOnlyList<(string Topic, string Payload, bool Retained)>> DrainAsync()
    {
        var sentinel = _sentinelPrefix + Guid.NewGuid().ToString("N");
        await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(sentinel).WithPayload("s")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var received = new List<(string, string, bool)>();
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message.Topic == sentinel)
            {
                return received;
            }

            if (!message.Topic.StartsWith(_sentinelPrefix, StringComparison.Ordinal))
            {
                received.Add(message);
            }
        }
    }

    /// <summary>The next message on <paramref name="topic"/>.</summary>
    public async Task<(string Payload, bool Retained)> NextOnAsync(string topic)
    {
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message.Topic == topic)
            {
                return (message.Payload, message.Retained);
            }
        }
    }

    public static JsonElement Json(string payload) => JsonDocument.Parse(payload).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
