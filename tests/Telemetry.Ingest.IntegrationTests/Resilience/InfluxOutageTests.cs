using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage.Spool;

namespace Telemetry.Ingest.IntegrationTests.Resilience;

/// <summary>
/// Devices publish through the embedded broker into a real influxd at over 1,000 readings/s; influxd is stopped for 30 s in the
/// middle and started again. Every acknowledged reading must end up in InfluxDB exactly once.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class InfluxOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly int _port = FreePort.Next();
    private InfluxProcess _influx = null!;
    private IngestHost _host = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxProcess.StartAsync();
        _host = await IngestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Port"] = _port.ToString(CultureInfo.InvariantCulture),
            ["Storage:Provider"] = "InfluxDB",
            ["Storage:InfluxDB:Url"] = _influx.Url,
            ["Storage:InfluxDB:Version"] = "1",
            ["Storage:InfluxDB:Database"] = "outage",
            ["Storage:InfluxDB:TimeoutSeconds"] = "5",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task InfluxDownFor30sMidStream_EveryReadingIsStoredExactlyOnce()
    {
        string[] devices = ["PV-V001", "PV-V002", "PV-N001", "PV-H001", "PV-V003", "PV-V004", "BARN-001", "BARN-002"];
        var load = new PacedLoad(devices, Payloads.RecentSecond(3 * 86_400), messagesPerDevice: 750, readingsPerMessage: 10, period: TimeSpan.FromMilliseconds(60));
        var connections = new Dictionary<string, TestDevice>();
        foreach (var id in devices)
        {
            connections[id] = await TestDevice.ConnectAsync(_port, id);
        }

        var spool = _host.Services.GetRequiredService<ReadingSpool>();
        var store = _host.Services.GetRequiredService<StoreHealth>();
        using var cts = new CancellationTokenSource(Timeout);
        var running = load.RunAsync(
            async (id, topic, payload, _) =>
            {
                var result = await connections[id].PublishAsync(topic, payload);
                Assert.True(result.IsSuccess, $"{id}: {result.ReasonCode} {result.ReasonString}");
            },
            cts.Token);

        await Eventually.UntilAsync(() => load.Published, n => n >= 8_000, Timeout, "8,000 readings before the outage");
        await _influx.StopAsync();
        var outage = Stopwatch.StartNew();
        var publishedAtStop = load.Published;
        var spooledDuring = await Eventually.UntilAsync(() => spool.Readings, n => n > 0 && outage.Elapsed >= Outage, Outage * 2, "30 s of outage with readings spooled");
        var healthDuring = await _host.Services.GetHealthAsync();
        var storeHealthyDuring = store.Healthy;
        var publishedDuring = load.Published - publishedAtStop;
        await _influx.StartAgainAsync();
        await running;
        await Eventually.UntilAsync(() => spool.Readings, n => n == 0, Timeout, "the spool replayed");

        foreach (var id in devices)
        {
            var until = load.FirstTimestamp.AddSeconds(load.ReadingsPerDevice);
            var stored = PacedLoad.IsPv(id)
                ? (await _host.Store.ReadPvAsync(id, load.FirstTimestamp, until, default)).Select(r => r.Timestamp).ToList()
                : (await _host.Store.ReadBarnAsync(id, load.FirstTimestamp, until, default)).Select(r => r.Timestamp).ToList();
            Assert.Equal(load.ExpectedTimes, stored);
        }

        Assert.Equal("Degraded", healthDuring);
        Assert.False(storeHealthyDuring);
        Assert.True(publishedDuring >= 25_000, $"only {publishedDuring} readings were acknowledged during the 30 s outage");
        Assert.True(spooledDuring > 0);
        var rate = load.TotalReadings / load.Elapsed.TotalSeconds;
        Assert.True(rate >= 1_000, $"published {rate:0} readings/s, below the 1,000/s the test must run at");
        Assert.Equal("Healthy", await Eventually.UntilAsync(() => _host.Services.GetHealthAsync(), h => h == "Healthy", Timeout, "healthy again"));
        foreach (var connection in connections.Values)
        {
            await connection.DisposeAsync();
        }
    }
}
