using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;

namespace Telemetry.Simulators.Mqtt;

/// <summary>
/// Drains a device's outbox at QoS 1 in batches of at most <see cref="MaxBatch"/> readings (a single object when one is
/// waiting, an array when a backlog is replayed). Readings leave the outbox only when their PUBACK reports success;
/// on a lost connection they stay and go out again after the reconnect (duplicates are fine: ingest is idempotent).
/// </summary>
internal sealed class OutboxSender
{
    public const int MaxBatch = 60;

    private static readonly TimeSpan RetryLater = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(15);

    private readonly Device _device;
    private readonly string _topic;
    private readonly bool _requireSubscribers;
    private readonly Outbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _reportedDrops;

    public OutboxSender(Device device, string topic, bool requireSubscribers, Outbox outbox, TimeProvider time, ILogger logger)
    {
        _device = device;
        _topic = topic;
        _requireSubscribers = requireSubscribers;
        _outbox = outbox;
        _time = time;
        _logger = logger;
    }

    /// <summary>Readings acknowledged by the broker.</summary>
    public long Delivered { get; private set; }

    public async Task RunAsync(Func<IMqttClient> currentClient, AsyncSignal connected, CancellationToken ct)
    {
        var batch = new List<Reading>(MaxBatch);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _outbox.WaitForReadingsAsync(ct).ConfigureAwait(false);
                ReportDrops();
                var client = currentClient();
                if (!client.IsConnected)
                {
                    await connected.WaitAsync(TimeSpan.FromSeconds(1), _time, ct).ConfigureAwait(false);
                    continue;
                }

                if (!_outbox.TryPeek(MaxBatch, batch, out var lastId))
                {
                    continue;
                }

                await PublishBatchAsync(client, connected, batch, lastId, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task PublishBatchAsync(IMqttClient client, AsyncSignal connected, List<Reading> batch, long lastId, CancellationToken ct)
    {
        var message = new MqttApplicationMessage
        {
            Topic = _topic,
            Payload = new ReadOnlySequence<byte>(TelemetryPayloadWriter.ToUtf8(batch)),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            ContentType = "application/json",
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(PublishTimeout);
            var result = await client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
            var code = result.ReasonCode;
            if ((int)code < 0x80 && !(code == MqttClientPublishReasonCode.NoMatchingSubscribers && _requireSubscribers))
            {
                _outbox.Acknowledge(lastId);
                Delivered += batch.Count;
            }
            else if (code is MqttClientPublishReasonCode.NotAuthorized or MqttClientPublishReasonCode.TopicNameInvalid or MqttClientPublishReasonCode.PayloadFormatInvalid)
            {
                // Retrying cannot help; keeping them would block the device's queue forever.
                _logger.PublishRejected(_device.Id, batch.Count, code.ToString());
                _outbox.Acknowledge(lastId);
            }
            else
            {
                _logger.PublishNotAccepted(_device.Id, batch.Count, code.ToString());
                await Task.Delay(RetryLater, _time, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is MqttCommunicationException or MqttClientNotConnectedException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            _logger.PublishFailed(_device.Id, batch.Count, e.GetBaseException().Message);
            await connected.WaitAsync(TimeSpan.FromSeconds(1), _time, ct).ConfigureAwait(false);
        }
    }

    private void ReportDrops()
    {
        var dropped = _outbox.Dropped;
        if (dropped > _reportedDrops)
        {
            _reportedDrops = dropped;
            _logger.OutboxOverflow(_device.Id, dropped);
        }
    }
}
