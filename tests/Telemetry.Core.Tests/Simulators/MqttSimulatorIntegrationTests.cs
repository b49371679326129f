using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;
using Telemetry.Simulators;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;

namespace Telemetry.Core.Tests.Simulators;

public sealed class MqttSimulatorIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FleetRegistry _fleet = SmallFleet();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, byte>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _statuses = new();
    private readonly ConcurrentQueue<Rejection> _rejections = new();
    private readonly TelemetryTopics _topics = new("");
    private readonly EmbeddedBroker _broker;
    private readonly TelemetryDecoder _decoder;
    private SimulatorService? _service;

    public MqttSimulatorIntegrationTests()
    {
        _broker = new EmbeddedBroker(_fleet, OnPublish);
        _decoder = new TelemetryDecoder(_fleet, _topics, new TelemetryDecoderOptions(), TimeProvider.System);
    }

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Simulators_AgainstEmbeddedBroker_OnlineTelemetryLastWillAndNoLossAcrossBrokerRestart()
    {
        var options = new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = _broker.Port,
            TopicPrefix = "",
            CadenceSeconds = 1,
            BackfillHours = 0.05, // 180 readings each: three batches of 60
        };
        _service = new SimulatorService(_fleet, Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance, NoFaults.Instance);
        await _service.StartAsync(CancellationToken.None);
        var runners = _service.Runners;
        Assert.Equal(3, runners.Count);

        // Backfill and live readings arrive, and every device announced itself online (retained).
        await Eventually.Until(() => runners.All(r => Count(r) >= 185), Timeout, () => Progress(runners));
        await using (var observer = await ObserveStatusAsync())
        {
            await Eventually.Until(() => runners.All(r => observer.Last(StatusTopic(r)) == "online"), Timeout, () => "retained online for every device");

            // A device whose connection is cut leaves its Last Will: retained offline, then comes back online.
            runners[0].Connection.Kill(downFor: TimeSpan.FromSeconds(1));
            await Eventually.Until(() => observer.Saw(StatusTopic(runners[0]), "offline"), Timeout, () => "Last Will offline");
            await Eventually.Until(() => observer.Last(StatusTopic(runners[0])) == "online", Timeout, () => "online again after reconnecting");
        }

        // The broker goes away; readings pile up in the outboxes; it comes back and they are all delivered.
        await _broker.StopAsync();
        await Eventually.Until(() => runners.All(r => !r.Connection.IsConnected && r.Outbox.Count >= 3), Timeout, () => "devices disconnected with readings waiting");
        var downAt = DateTimeOffset.UtcNow;
        await _broker.StartAsync();
        await Eventually.Until(
            () => runners.All(r => Max(r) > downAt.AddSeconds(2).ToUnixTimeMilliseconds() && Count(r) == Expected(r)),
            Timeout,
            () => Progress(runners));

        Assert.Empty(_rejections);
        Assert.All(runners, r => Assert.True(r.Connection.Connects >= 2));
    }

    private static FleetRegistry SmallFleet()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"));
        var doc = System.Text.Json.JsonSerializer.Deserialize<FleetDocument>(stream, FleetRegistryLoader.JsonOptions)!;
        doc.Stations = [doc.Stations!.First(s => s.Class == "household"), doc.Stations!.First(s => s.Class == "village")];
        doc.Barns = [doc.Barns!.First(b => b.Species == "pig")];
        return FleetRegistryLoader.FromDocument(doc);
    }

    private void OnPublish(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!_topics.TryParse(message.Topic, out _, out var id, out var channel))
        {
            return;
        }

        if (channel == TopicChannel.Status)
        {
            _statuses.Enqueue($"{message.Topic}={Encoding.UTF8.GetString(message.Payload)} retain={message.Retain}");
            return;
        }

        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        _decoder.Decode(message.Topic, message.Payload, e.ClientId, accepted, rejected);
        rejected.ForEach(_rejections.Enqueue);
        var set = _received.GetOrAdd(id.ToString(), _ => new());
        accepted.ForEach(r => set.TryAdd(r.TimestampMs, 0));
    }

    private int Count(DeviceRunner r) => _received.TryGetValue(r.Connection.Device.Id, out var s) ? s.Count : 0;

    private long Max(DeviceRunner r) => _received.TryGetValue(r.Connection.Device.Id, out var s) && !s.IsEmpty ? s.Keys.Max() : 0;

    // Every slot from the first backfill reading to the newest one received: no gap means nothing was lost.
    private long Expected(DeviceRunner r) => ((Max(r) - r.FirstTimestamp.ToUnixTimeMilliseconds()) / 1000) + 1;

    private string Progress(IEnumerable<DeviceRunner> runners) =>
        string.Join("; ", runners.Select(r => $"{r.Connection.Device.Id}: received {Count(r)} of {Expected(r)}, produced {r.Produced}, outbox {r.Outbox.Count}, connected {r.Connection.IsConnected}"))
        + $"; statuses: {string.Join(", ", _statuses)}";

    private string StatusTopic(DeviceRunner r) => _topics.Status(r.Connection.Device.Kind, r.Connection.Device.Id);

    private async Task<StatusObserver> ObserveStatusAsync()
    {
        var observer = new StatusObserver();
        await observer.ConnectAsync(_broker.Port);
        return observer;
    }

    private sealed class StatusObserver : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly ConcurrentQueue<(string Topic, string Payload)> _messages = new();

        public async Task ConnectAsync(int port)
        {
            _client.ApplicationMessageReceivedAsync += e =>
            {
                _messages.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString()));
                return Task.CompletedTask;
            };
            var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("observer").WithCredentials("observer", "x").Build();
            var connect = await _client.ConnectAsync(options);
            Assert.Equal(MqttClientConnectResultCode.Success, connect.ResultCode);
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic("+/+/status").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        }

        public string? Last(string topic) => _messages.LastOrDefault(m => m.Topic == topic).Payload;

        public bool Saw(string topic, string payload) => _messages.Contains((topic, payload));

        public async ValueTask DisposeAsync()
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions());
            _client.Dispose();
        }
    }
}
