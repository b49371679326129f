using System.Globalization;
using Telemetry.Ingest.IntegrationTests.Support;

namespace Telemetry.Ingest.IntegrationTests.ScaleOut;

/// <summary>
/// Two ingest instances in one MQTT 5 shared-subscription group on Mosquitto split the telemetry between them:
/// together they store every reading, and no reading is stored by both.
/// </summary>
public sealed class SharedSubscriptionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoInstancesInOneGroup_SplitTheLoad_NothingLostNothingDuplicated()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        await using var first = await StartInstanceAsync(mosquitto.Port, "ingest-a");
        await using var second = await StartInstanceAsync(mosquitto.Port, "ingest-b");
        var devices = Enumerable.Range(1, 20).Select(i => $"PV-V{i:000}").ToArray();
        const int PerDevice = 60;
        var start = Payloads.RecentSecond(2 * 3600);

        await Task.WhenAll(devices.Select(async id =>
        {
            await using var publisher = new ReliablePublisher(mosquitto.Port, id);
            for (var i = 0; i < PerDevice; i++)
            {
                await publisher.PublishAsync($"pv/{id}/telemetry", Payloads.Pv(start.AddSeconds(60 * i), i, 1_000 + i), default);
            }
        }));

        var total = devices.Length * PerDevice;
        await Eventually.UntilAsync(() => first.Statistics.ReadingsStored + second.Statistics.ReadingsStored, n => n >= total, Timeout, $"{total} readings stored by the two instances");
        var seenByFirst = await KeysAsync(first, devices, start);
        var seenBySecond = await KeysAsync(second, devices, start);

        Assert.Equal(total, seenByFirst.Count + seenBySecond.Count);
        Assert.Empty(seenByFirst.Intersect(seenBySecond));
        Assert.Equal(total, seenByFirst.Union(seenBySecond).Count());
        Assert.All(new[] { seenByFirst.Count, seenBySecond.Count }, n => Assert.InRange(n, total / 4, total * 3 / 4));
    }

    private static Task<IngestHost> StartInstanceAsync(int port, string clientId) => IngestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Broker:Mode"] = "External",
        ["Broker:Host"] = "127.0.0.1",
        ["Broker:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Broker:ClientId"] = clientId,
        ["Broker:SharedSubscriptionGroup"] = "ingest",
    }).ContinueWith(async t =>
    {
        var host = await t;
        await Eventually.UntilAsync(() => host.Services.GetHealthAsync(), h => h == "Healthy", Timeout, clientId + " connected");
        return host;
    }).Unwrap();

    private static async Task<HashSet<string>> KeysAsync(IngestHost host, string[] devices, DateTimeOffset start)
    {
        var keys = new HashSet<string>();
        foreach (var id in devices)
        {
            foreach (var reading in await host.Store.ReadPvAsync(id, start, start.AddHours(3), default))
            {
                keys.Add($"{id}@{reading.TimestampMs}");
            }
        }

        return keys;
    }
}
