using System.Globalization;
using Telemetry.Ingest.IntegrationTests.Support;

namespace Telemetry.Ingest.IntegrationTests.Mosquitto;

/// <summary>Ingest subscribed to a real Debian Mosquitto with a persistent MQTT 5 session, storing into SQLite.</summary>
public sealed class MosquittoIngestTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private MosquittoProcess _mosquitto = null!;
    private IngestHost _host = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoProcess.StartAsync();
        _host = await IngestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "External",
            ["Broker:Host"] = "127.0.0.1",
            ["Broker:Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker:ClientId"] = "ingest-test",
        });
        await Eventually.UntilAsync(() => _host.Services.GetHealthAsync(), h => h == "Healthy", Timeout, "ingest connected to mosquitto");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Fact]
    public async Task Publish_ThroughMosquitto_StoresEveryKindWithItsValues()
    {
        var ts = Payloads.RecentSecond(300);
        await using var pv = new ReliablePublisher(_mosquitto.Port, "PV-N002");
        await using var barn = new ReliablePublisher(_mosquitto.Port, "BARN-003");

        await pv.PublishAsync("pv/PV-N002/telemetry", Payloads.Array([Payloads.Pv(ts, 512.5, 99_000), Payloads.Pv(ts.AddMinutes(1), 515, 99_008.5)]), default);
        await barn.PublishAsync("barn/BARN-003/telemetry", Payloads.Barn(ts, 26.5, 71, 14), default);

        var stored = await Eventually.UntilAsync(() => _host.Store.ReadPvAsync("PV-N002", ts, ts.AddMinutes(5), default), r => r.Count == 2, Timeout, "two PV readings");
        Assert.Equal([512.5, 515.0], stored.Select(r => r.PowerKw));
        Assert.Equal([99_000.0, 99_008.5], stored.Select(r => r.EnergyTotalKwh));
        var barnRows = await Eventually.UntilAsync(() => _host.Store.ReadBarnAsync("BARN-003", ts, ts.AddSeconds(1), default), r => r.Count == 1, Timeout, "barn reading");
        Assert.Equal((26.5, 71.0, 14.0), (barnRows[0].TempC, barnRows[0].HumidityPct, barnRows[0].Nh3Ppm));
    }

    [Fact]
    public async Task RestartMosquittoMidStream_EveryQos1ReadingIsStoredExactlyOnce()
    {
        string[] devices = ["PV-V010", "PV-V011", "BARN-004"];
        const int PerDevice = 400;
        var start = Payloads.RecentSecond(3 * 3600);
        var published = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var publishers = devices.Select(async id =>
        {
            await using var publisher = new ReliablePublisher(_mosquitto.Port, id);
            for (var i = 0; i < PerDevice; i++)
            {
                var ts = start.AddSeconds(i * 10);
                var (topic, payload) = id.StartsWith("PV", StringComparison.Ordinal)
                    ? ($"pv/{id}/telemetry", Payloads.Pv(ts, i % 90, 10_000 + i))
                    : ($"barn/{id}/telemetry", Payloads.Barn(ts, 15 + (i % 10), 60, 5));
                await publisher.PublishAsync(topic, payload, cts.Token);
                Interlocked.Increment(ref published);
            }

            return publisher.Retries;
        }).ToArray();

        await Eventually.UntilAsync(() => Volatile.Read(ref published), n => n >= devices.Length * PerDevice / 3, Timeout, "a third published");
        await _mosquitto.StopAsync();
        await _mosquitto.StartAgainAsync();
        var retries = (await Task.WhenAll(publishers)).Sum();

        foreach (var id in devices)
        {
            var expected = Enumerable.Range(0, PerDevice).Select(i => start.AddSeconds(i * 10)).ToList();
            var stored = await Eventually.UntilAsync(
                async () => id.StartsWith("PV", StringComparison.Ordinal)
                    ? (await _host.Store.ReadPvAsync(id, start, start.AddHours(2), default)).Select(r => r.Timestamp).ToList()
                    : (await _host.Store.ReadBarnAsync(id, start, start.AddHours(2), default)).Select(r => r.Timestamp).ToList(),
                ts => ts.Count >= PerDevice, Timeout, $"{PerDevice} readings of {id}");
            Assert.Equal(expected, stored);
        }

        Assert.True(retries > 0, "the restart should have interrupted publishing (otherwise this test proves nothing)");
    }
}
