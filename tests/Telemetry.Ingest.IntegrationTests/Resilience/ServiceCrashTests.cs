using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.IntegrationTests.Storage;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;

namespace Telemetry.Ingest.IntegrationTests.Resilience;

/// <summary>
/// The service as its own process (configured like docker-compose, through environment variables) ingests from Mosquitto
/// over a persistent MQTT 5 session into a real influxd; it is killed with SIGKILL mid-stream and started again. Every reading
/// the devices published must be in InfluxDB exactly once.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ServiceCrashTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("telemetry-service-").FullName;
    private InfluxProcess _influx = null!;
    private MosquittoProcess _mosquitto = null!;
    private ServiceProcess _service = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxProcess.StartAsync();
        _mosquitto = await MosquittoProcess.StartAsync();
        _service = new ServiceProcess(_folder, new Dictionary<string, string>
        {
            ["Fleet__Path"] = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"),
            ["Broker__Mode"] = "External",
            ["Broker__Host"] = "127.0.0.1",
            ["Broker__Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker__ClientId"] = "telemetry-crash-test",
            ["Storage__Provider"] = "InfluxDB",
            ["Storage__InfluxDB__Url"] = _influx.Url,
            ["Storage__InfluxDB__Version"] = "1",
            ["Storage__InfluxDB__Database"] = "crash",
            ["Storage__Spool__Path"] = Path.Combine(_folder, "spool"),
            ["Storage__Sqlite__Path"] = Path.Combine(_folder, "unused.db"),
            ["Ingest__DeadLetterPath"] = Path.Combine(_folder, "deadletter.jsonl"),
            ["Simulators__Enabled"] = "false",
        });
        await _service.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _mosquitto.DisposeAsync();
        await _influx.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KillTheServiceMidStream_EveryReadingIsStoredExactlyOnce()
    {
        string[] devices = ["PV-V010", "PV-V011", "PV-N002", "PV-H002", "PV-V012", "PV-V013", "BARN-003", "BARN-004"];
        var load = new PacedLoad(devices, Payloads.RecentSecond(2 * 86_400), messagesPerDevice: 400, readingsPerMessage: 10, period: TimeSpan.FromMilliseconds(60));
        var publishers = devices.ToDictionary(id => id, id => new ReliablePublisher(_mosquitto.Port, "device-" + id));
        using var cts = new CancellationTokenSource(Timeout);
        var running = load.RunAsync((id, topic, payload, ct) => publishers[id].PublishAsync(topic, payload, ct), cts.Token);

        await Eventually.UntilAsync(() => load.Published, n => n >= 8_000, Timeout, "8,000 readings before the kill");
        await _service.KillAsync();
        var publishedAtKill = load.Published;
        await _service.StartAsync();
        await running;

        using var store = new InfluxTimeSeriesStore(
            StoreFleet.Fleet,
            Options.Create(new StorageOptions { Provider = StorageProvider.InfluxDB, InfluxDB = { Url = _influx.Url, Version = 1, Database = "crash" } }),
            TimeProvider.System,
            NullLogger<InfluxTimeSeriesStore>.Instance);
        var until = load.FirstTimestamp.AddSeconds(load.ReadingsPerDevice);
        foreach (var id in devices)
        {
            var stored = await Eventually.UntilAsync(
                async () => PacedLoad.IsPv(id)
                    ? (await store.ReadPvAsync(id, load.FirstTimestamp, until, default)).Select(r => r.Timestamp).ToList()
                    : (await store.ReadBarnAsync(id, load.FirstTimestamp, until, default)).Select(r => r.Timestamp).ToList(),
                times => times.Count >= load.ReadingsPerDevice,
                Timeout,
                $"{load.ReadingsPerDevice} readings of {id}");
            Assert.Equal(load.ExpectedTimes, stored);
        }

        Assert.True(publishedAtKill < load.TotalReadings, "the kill should have come mid-stream");
        Assert.Equal(2, _service.Starts);
        using var http = new HttpClient();
        var stats = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_service.Port}/api/stats"));
        Assert.True(stats.GetProperty("storeHealthy").GetBoolean());
        Assert.Equal(0, stats.GetProperty("spooled").GetInt64());
        foreach (var publisher in publishers.Values)
        {
            await publisher.DisposeAsync();
        }
    }
}
