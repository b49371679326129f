using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Core.Fleet;
using Telemetry.Ingest.Broker;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Mqtt;

/// <summary>
/// Ingest from an external broker: a persistent MQTT 5 session (stable client id, no clean start) subscribed at QoS 1.
/// Each message is acknowledged only after its readings are stored, so a crash or broker restart loses nothing; the broker
/// redelivers what was not acknowledged and the store's upsert makes the duplicate harmless. Reconnects with backoff.
/// </summary>
internal sealed partial class MqttIngestClient : BackgroundService, IDeadLetterPublisher, IBrokerPublisher
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly BrokerOptions _options;
    private readonly IngestPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttIngestClient> _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _disconnected = new(0, 1);
    private int _generation;
    private CancellationToken _stopping;

    public MqttIngestClient(IOptions<BrokerOptions> options, IngestPipeline pipeline, TimeProvider time, ILogger<MqttIngestClient> logger)
    {
        _options = options.Value;
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
        _client = new MqttClientFactory(new MqttNetLogAdapter(logger)).CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += e =>
        {
            if (_disconnected.CurrentCount == 0)
            {
                _disconnected.Release();
            }

            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    public void Publish(string topic, ReadOnlyMemory<byte> payload)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
        _ = _client.PublishAsync(message).ContinueWith(
            t => LogPublishFailed(t.Exception!, topic), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            throw new InvalidOperationException($"not connected to the MQTT broker {_options.Host}:{_options.Port}");
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray()).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);

        // NoMatchingSubscribers is still a success: the broker took the message (and keeps it when retained).
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new InvalidOperationException($"the MQTT broker refused {topic}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        _disconnected.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Mode != BrokerMode.External)
        {
            return;
        }

        _stopping = stoppingToken;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_client.IsConnected)
            {
                // Wake on a disconnect, or every 5 s to ping (a half-open TCP connection raises no event).
                if (!await _disconnected.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false)
                    && !await _client.TryPingAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogPingFailed();
                }

                continue;
            }

            if (await TryConnectAsync(stoppingToken).ConfigureAwait(false))
            {
                backoff = TimeSpan.FromMilliseconds(100);
                continue;
            }

            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100));
            await Task.Delay(backoff + jitter, _time, stoppingToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var builder = new MqttClientOptionsBuilder()
                .WithTelemetryTcp(_options.Host, _options.Port)
                .WithClientId(_options.ClientId)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                .WithCleanStart(false)
                .WithSessionExpiryInterval((uint)_options.SessionExpirySeconds)
                .WithReceiveMaximum((ushort)_options.ReceiveMaximum)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
                .WithTimeout(TimeSpan.FromSeconds(10));
            if (_options.Username is not null)
            {
                builder = builder.WithCredentials(_options.Username, _options.Password);
            }

            if (_options.UseTls)
            {
                builder = builder.WithTlsOptions(o => o.UseTls().WithAllowUntrustedCertificates(_options.AllowUntrustedCertificates)
                    .WithCertificateValidationHandler(_options.AllowUntrustedCertificates ? _ => true : null!));
            }

            var result = await _client.ConnectAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                LogConnectRefused(_options.Host, _options.Port, result.ResultCode.ToString(), result.ReasonString);
                return false;
            }

            Interlocked.Increment(ref _generation);
            await SubscribeAsync(timeout.Token).ConfigureAwait(false);
            LogConnected(_options.Host, _options.Port, result.IsSessionPresent);
            return true;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogConnectFailed(_options.Host, _options.Port, e.Message);
            return false;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var topics = _pipeline.Topics;
        var share = string.IsNullOrWhiteSpace(_options.SharedSubscriptionGroup) ? "" : $"$share/{_options.SharedSubscriptionGroup}/";
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var kind in new[] { DeviceKind.Pv, DeviceKind.Barn })
        {
            var segment = Core.Wire.TelemetryTopics.Segment(kind);
            subscribe.WithTopicFilter(f => f.WithTopic($"{share}{topics.Prefix}{segment}/+/telemetry").WithAtLeastOnceQoS());
            // Status stays a plain subscription: retained messages are not delivered to shared subscriptions.
            subscribe.WithTopicFilter(f => f.WithTopic($"{topics.Prefix}{segment}/+/status").WithAtLeastOnceQoS());
        }

        var result = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items.Where(i => (int)i.ResultCode > 2))
        {
            LogSubscribeRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        var generation = Volatile.Read(ref _generation);
        Task<IngestOutcome> stored;
        try
        {
            stored = _pipeline.SubmitAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, null, CancellationToken.None);
        }
#pragma warning disable CA1031 // One bad message must not stop the subscription; it stays unacknowledged and is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogMessageFailed(ex, e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        }

        _ = AcknowledgeWhenStoredAsync(e, stored, generation);

        // Back-pressure: the next message is taken only when the write queue has room again. Without it, a broker that
        // sends more than Receive Maximum (Mosquitto 2.0 did, in bench/run) fills memory with messages waiting to be queued.
        var room = _pipeline.WaitForRoomAsync(_stopping);
        return room.IsCompletedSuccessfully ? Task.CompletedTask : WaitAsync(room);

        static async Task WaitAsync(ValueTask<bool> room)
        {
            try
            {
                await room.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Disconnected or stopping: the unacknowledged messages come again.
            }
        }
    }

    private async Task AcknowledgeWhenStoredAsync(MqttApplicationMessageReceivedEventArgs e, Task<IngestOutcome> stored, int generation)
    {
        try
        {
            await stored.ConfigureAwait(false);
            // A PUBACK for a message of an earlier connection would carry a packet id the broker may have reused;
            // the broker redelivers such messages on the new connection instead, and the store de-duplicates them.
            if (generation == Volatile.Read(ref _generation) && _client.IsConnected)
            {
                await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Unacknowledged is the safe outcome of any failure here: the broker redelivers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAckFailed(e.ApplicationMessage.Topic, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} (session present: {SessionPresent})")]
    private partial void LogConnected(string host, int port, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} refused the connection: {Code} {Reason}")]
    private partial void LogConnectRefused(string host, int port, string code, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach MQTT broker {Host}:{Port}: {Error}; retrying")]
    private partial void LogConnectFailed(string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused subscription {Filter}: {Code}")]
    private partial void LogSubscribeRefused(string filter, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT ping failed; reconnecting")]
    private partial void LogPingFailed();

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to ingest a message on {Topic}; it stays unacknowledged")]
    private partial void LogMessageFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message on {Topic} not acknowledged ({Error}); the broker will redeliver it")]
    private partial void LogAckFailed(string topic, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish on {Topic}")]
    private partial void LogPublishFailed(Exception exception, string topic);
}
