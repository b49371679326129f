using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Ingest.Mqtt;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>
/// Publishes like a logger with an outbox: a message counts as sent only when the broker's PUBACK says success;
/// otherwise it reconnects and sends it again (so a broker restart costs duplicates, never losses).
/// </summary>
internal sealed class ReliablePublisher(int port, string clientId) : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public int Retries { get; private set; }

    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!_client.IsConnected)
                {
                    var options = new MqttClientOptionsBuilder().WithTelemetryTcp("127.0.0.1", port).WithClientId(clientId)
                        .WithTimeout(TimeSpan.FromSeconds(5)).Build();
                    var connected = await _client.ConnectAsync(options, cancellationToken);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException(connected.ResultCode.ToString());
                    }
                }

                var result = await _client.PublishAsync(message, cancellationToken);
                if (result.IsSuccess)
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // broker away: fall through to retry
            }

            Retries++;
            await Task.Delay(RetryDelay, cancellationToken);
        }
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
