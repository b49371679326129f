using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Mqtt;

/// <summary>
/// One device's MQTT session: connects as the device (client id = username = device id) with a retained Last Will
/// <c>offline</c> on its status topic, publishes retained <c>online</c> after every connect, and drains the outbox at
/// QoS 1 through an <see cref="OutboxSender"/>, which removes readings only when their PUBACK reports success.
/// A supervision loop reconnects with jittered exponential backoff; nothing here throws to the host.
/// </summary>
internal sealed class DeviceConnection : IDisposable
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(15);
    private static readonly byte[] Online = "online"u8.ToArray();
    private static readonly byte[] Offline = "offline"u8.ToArray();

    private readonly Device _device;
    private readonly BrokerSettings _broker;
    private readonly Outbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MqttClientFactory _factory = new();
    private readonly MqttClientOptions _options;
    private readonly OutboxSender _sender;
    private readonly string _statusTopic;
    private readonly AsyncSignal _disconnected = new();
    private readonly AsyncSignal _connected = new();
    private IMqttClient _client;
    private DateTimeOffset _downUntil;

    public DeviceConnection(Device device, BrokerSettings broker, Outbox outbox, TimeProvider time, ILogger logger)
    {
        _device = device;
        _broker = broker;
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _sender = new OutboxSender(device, broker.Topics.Telemetry(device.Kind, device.Id), broker.RequireSubscribers, outbox, time, logger);
        _statusTopic = broker.Topics.Status(device.Kind, device.Id);
        _options = DeviceClientOptions.Create(_factory, device, broker, _statusTopic, Offline, OperationTimeout);
        _client = CreateClient();
    }

    public Device Device => _device;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Readings acknowledged by the broker.</summary>
    public long Delivered => _sender.Delivered;

    /// <summary>Successful connects, including the first.</summary>
    public int Connects { get; private set; }

    /// <summary>Runs until cancelled: keeps the session up and the outbox draining; then says <c>offline</c> and disconnects.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var supervise = SuperviseAsync(cancellationToken);
        var send = _sender.RunAsync(() => _client, _connected, cancellationToken);
        await Task.WhenAll(supervise, send).ConfigureAwait(false);
        await GoOfflineAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts the connection without a DISCONNECT packet, as a power or network cut would: the broker publishes the
    /// Last Will. The device stays away for <paramref name="downFor"/> (reconnecting at once would take the session
    /// over before the broker noticed the dead socket), then the supervision loop reconnects as usual.
    /// </summary>
    public void Kill(TimeSpan downFor)
    {
        _downUntil = _time.GetUtcNow() + downFor;
        var old = _client;
        _client = CreateClient();
        old.Dispose();
        _logger.Killed(_device.Id);
        _disconnected.Set();
    }

    public void Dispose() => _client.Dispose();

    private IMqttClient CreateClient()
    {
        var client = _factory.CreateMqttClient();
        client.DisconnectedAsync += _ =>
        {
            _disconnected.Set();
            return Task.CompletedTask;
        };
        return client;
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        try
        {
            await SuperviseCoreAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SuperviseCoreAsync(CancellationToken ct)
    {
        var backoff = MinBackoff;
        DateTimeOffset? outageSince = null;
        var failures = 0;
        var jitter = new Random(_device.Id.GetHashCode(StringComparison.Ordinal));
        while (!ct.IsCancellationRequested)
        {
            var client = _client;
            if (client.IsConnected)
            {
                await _disconnected.WaitAsync(TimeSpan.FromSeconds(5), _time, ct).ConfigureAwait(false);
                continue;
            }

            outageSince ??= _time.GetUtcNow();
            var down = _downUntil - _time.GetUtcNow();
            if (down > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(down, _time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            string reason;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(OperationTimeout);
                var result = await client.ConnectAsync(_options, timeout.Token).ConfigureAwait(false);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    await client.PublishAsync(Status(Online), timeout.Token).ConfigureAwait(false);
                    Connects++;
                    if (Connects == 1)
                    {
                        _logger.Connected(_device.Id, _broker.Host, _broker.Port);
                    }
                    else
                    {
                        _logger.Reconnected(_device.Id, _time.GetUtcNow() - outageSince.Value, _outbox.Count);
                    }

                    outageSince = null;
                    failures = 0;
                    backoff = MinBackoff;
                    _connected.Set();
                    continue;
                }

                reason = result.ResultCode.ToString();
                if (result.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.ClientIdentifierNotValid)
                {
                    _logger.Refused(_device.Id, reason);
                    backoff = TimeSpan.FromSeconds(30);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is MqttCommunicationException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                reason = e.GetBaseException().Message;
            }

            if (failures++ == 0)
            {
                _logger.ConnectFailed(_device.Id, _broker.Host, _broker.Port, reason);
            }
            else
            {
                _logger.ConnectRetry(_device.Id, reason, backoff);
            }

            try
            {
                var wait = backoff * (0.75 + (0.5 * jitter.NextDouble()));
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }

    private async Task GoOfflineAsync()
    {
        var client = _client;
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await client.PublishAsync(Status(Offline), timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            _logger.PublishFailed(_device.Id, 0, "offline status at shutdown: " + e.GetBaseException().Message);
        }
    }

    private MqttApplicationMessage Status(byte[] payload) => new()
    {
        Topic = _statusTopic,
        Payload = new ReadOnlySequence<byte>(payload),
        QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        Retain = true,
    };
}
