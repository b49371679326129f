using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// The whole demo fleet's simulators publish through a real broker (embedded MQTTnet, or Debian Mosquitto) into SQLite;
/// every device's stored series must be exactly what its simulator produced: no gap, no duplicate, the same values.
/// </summary>
public sealed class SimulatorEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("embedded")]
    [InlineData("mosquitto")]
    public async Task Simulators_PublishThroughTheBroker_StoreExactlyWhatTheySimulated(string broker)
    {
        await using var mosquitto = broker == "mosquitto" ? await MosquittoProcess.StartAsync() : null;
        var port = mosquitto?.Port ?? FreePort.Next();
        await using var ingest = await IngestHost.StartAsync(mosquitto is null
            ? new Dictionary<string, string?> { ["Broker:Port"] = port.ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string?>
            {
                ["Broker:Mode"] = "External",
                ["Broker:Host"] = "127.0.0.1",
                ["Broker:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Broker:ClientId"] = "ingest-e2e",
            });
        await Eventually.UntilAsync(() => ingest.Services.GetHealthAsync(), h => h == "Healthy", Timeout, "ingest up");
        await using var simulators = await SimulatorHost.StartAsync(port, backfillHours: 1);
        var runners = simulators.Service.Runners;

        // Every device has replayed its hour of backfill and emptied its outbox. Through the embedded broker each reading
        // acknowledged is stored; through Mosquitto the broker acknowledges it and ingest stores it from its session queue later.
        await Eventually.UntilAsync(
            () => runners.Count(r => r.Produced >= 12 && r.Outbox.Count == 0),
            n => n == runners.Count, Timeout, "every simulated device's backfill acknowledged");
        await simulators.StopAsync();

        Assert.Equal(ingest.Fleet.Devices.Count, runners.Count);
        foreach (var runner in runners)
        {
            var device = runner.Connection.Device;
            var delivered = runner.Connection.Delivered;
            var stored = await Eventually.UntilAsync(
                () => ReadAllAsync(ingest, device, runner.FirstTimestamp), r => r.Count >= delivered, Timeout, $"{device.Id}: its {delivered} delivered readings stored");
            var expected = Replay(device, runner.FirstTimestamp, stored.Count);
            Assert.True(stored.Count >= 12, $"{device.Id}: only {stored.Count} readings stored; rejected {string.Join(", ", ingest.Statistics.ReadingsRejectedByReason)}; produced {runner.Produced} delivered {runner.Connection.Delivered} first {runner.FirstTimestamp:O}");
            Assert.Equal(expected.Select(r => r.Timestamp), stored.Select(r => r.Timestamp));
            Assert.Equal(expected.Select(Values), stored.Select(Values));
        }

        Assert.Equal(0, ingest.Statistics.ReadingsRejected);
        Assert.All(ingest.Statistics.ReadingsStoredByKind.Values, n => Assert.True(n > 0));
    }

    /// <summary>An independent simulator with the same seed, started at the same instant, gives the expected series.</summary>
    private static List<Reading> Replay(Device device, DateTimeOffset first, int count)
    {
        var cadence = TimeSpan.FromSeconds(device.CadenceSeconds);
        var simulator = DeviceSimulatorFactory.Create(device, new WeatherModel(2026, SiteClimate.Jincheng), NoFaults.Instance, cadence, 2026);
        simulator.Start(first);
        return [.. Enumerable.Range(0, count).Select(i => simulator.Next(first + (i * cadence)))];
    }

    private static async Task<List<Reading>> ReadAllAsync(IngestHost ingest, Device device, DateTimeOffset from)
    {
        var to = DateTimeOffset.UtcNow.AddMinutes(10);
        return device is Station
            ? [.. await ingest.Store.ReadPvAsync(device.Id, from.AddDays(-1), to, default)]
            : [.. await ingest.Store.ReadBarnAsync(device.Id, from.AddDays(-1), to, default)];
    }

    private static string Values(Reading reading) => reading switch
    {
        PvReading p => FormattableString.Invariant($"{p.PowerKw:R}|{p.EnergyTotalKwh:R}|{p.EnergyDayKwh:R}|{p.DcVoltage:R}|{p.DcCurrent:R}|{p.AcVoltage:R}|{p.FrequencyHz:R}|{p.InverterTempC:R}|{p.IrradianceWm2:R}|{p.ModuleTempC:R}|{p.State}|{string.Join(',', p.Faults)}|{p.Seq}"),
        BarnReading b => FormattableString.Invariant($"{b.TempC:R}|{b.HumidityPct:R}|{b.Nh3Ppm:R}|{b.Co2Ppm:R}|{b.H2sPpm:R}|{b.FanStage}|{string.Join(',', b.FanRpm)}|{b.WaterL:R}|{b.FeedKg:R}|{b.Power}|{b.Seq}"),
        _ => reading.ToString()!,
    };
}
