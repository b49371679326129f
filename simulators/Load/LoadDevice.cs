using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Telemetry.Simulators.Load;

/// <summary>
/// One device of the load: its own MQTT 5 connection (login = client id = device id), QoS 1, one message in flight —
/// the next message is sent only after the broker acknowledged the previous one, as a real logger does.
/// </summary>
internal sealed class LoadDevice
{
    private readonly LoadOptions _options;
    private readonly LoadCounters _counters;
    private readonly LoadPayload _payload;
    private int _faultDue;

    public LoadDevice(int index, LoadOptions options, LoadCounters counters)
    {
        _options = options;
        _counters = counters;
        Id = BenchFleet.DeviceId(options.FleetSize, index);
        IsStation = BenchFleet.IsStation(options.FleetSize, index);
        Topic = options.TopicPrefix + (IsStation ? "pv/" : "barn/") + Id + "/telemetry";
        _payload = new LoadPayload(IsStation, index);
    }

    public string Id { get; }

    /// <summary>Where the device publishes: <c>{prefix}pv/{id}/telemetry</c> or <c>{prefix}barn/{id}/telemetry</c>.</summary>
    public string Topic { get; }

    public bool IsStation { get; }

    /// <summary>Device time of the injected fault reading once it has been sent; 0 before.</summary>
    public long FaultTimestampMs { get; private set; }

    /// <summary>Asks the device to mark the newest reading of its next message as an inverter fault.</summary>
    public void InjectFault() => Interlocked.Exchange(ref _faultDue, 1);

    public async Task<IMqttClient?> ConnectAsync(MqttClientFactory factory, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5 && !ct.IsCancellationRequested; attempt++)
        {
            var client = factory.CreateMqttClient();
            try
            {
                var result = await client.ConnectAsync(Options(factory), ct).ConfigureAwait(false);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    _counters.ConnectionOpened();
                    return client;
                }
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or SocketException)
            {
                // retried below
            }

            client.Dispose();
            _counters.ConnectFailed();
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), ct).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Sends messages on the pace (period between messages, zero = back to back) until <paramref name="ct"/> or <paramref name="limit"/>.</summary>
    public async Task RunAsync(IMqttClient client, Stopwatch clock, TimeSpan offset, TimeSpan period, int limit, CancellationToken ct)
    {
        var perMessage = _options.PerMessage;
        var message = new MqttApplicationMessage { Topic = Topic, QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce };
        for (var m = 0; m < limit && !ct.IsCancellationRequested; m++)
        {
            if (period > TimeSpan.Zero)
            {
                var wait = offset + (period * m) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }

            var fault = Interlocked.Exchange(ref _faultDue, 0) == 1;
            message.Payload = new ReadOnlySequence<byte>(_payload.Next(perMessage, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), fault));
            if (fault)
            {
                FaultTimestampMs = _payload.LastTimestampMs;
            }

            try
            {
                var result = await client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
                if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
                {
                    _counters.Acked(perMessage);
                }
                else
                {
                    _counters.Rejected(perMessage);
                }
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                _counters.Failed(perMessage);
                return;
            }
        }
    }

    private MqttClientOptions Options(MqttClientFactory factory) => factory.CreateClientOptionsBuilder()
        .WithTcpServer(_options.Host, _options.Port) // the builder requires an endpoint; the options below replace the TCP settings
        .WithTcpServer(o =>
        {
            o.RemoteEndpoint = new IPEndPoint(IPAddress.Parse(_options.Host), _options.Port);
            o.BufferSize = 64 * 1024; // not the 8 KiB default, which disables TCP autotuning (research/tried-mqtt-rx.md §2)
            o.LingerState = new LingerOption(false, 0); // the default (true, 0) resets the socket on close and loses its tail
        })
        .WithClientId(Id)
        .WithCredentials(Id, _options.Password)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithCleanStart(true)
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
        .WithTimeout(TimeSpan.FromSeconds(60))
        .Build();
}
