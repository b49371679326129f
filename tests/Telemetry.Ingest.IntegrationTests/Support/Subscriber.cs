using System.Buffers;
using System.Threading.Channels;
using MQTTnet;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>Collects the messages an MQTT client receives, for awaiting one with a timeout.</summary>
internal sealed class Subscriber : IAsyncDisposable
{
    private readonly Channel<(string Topic, byte[] Payload)> _messages = Channel.CreateUnbounded<(string, byte[])>();
    private readonly IMqttClient _client;

    public Subscriber(IMqttClient client)
    {
        _client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            _messages.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
    }

    public async Task<(string Topic, byte[] Payload)> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
