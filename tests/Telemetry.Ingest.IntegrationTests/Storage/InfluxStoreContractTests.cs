using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>The store contract on a real InfluxDB 1.6 (Debian's influxd), plus its own schema: tags, field types, retention policies.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxStoreContractTests(InfluxFixture influx) : TimeSeriesStoreContract
{
    private readonly string _database = "t_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Schema_MeasurementPerKindTagsAndFieldTypesThatEveryVersionAccepts()
    {
        var station = Station("PV-V008");
        var barn = (Barn)Fleet.Barns.Single(b => b.Id == StoreFleet.EscapedBarn);
        await Store.WriteAsync([Pv(station, Day0, 1, 2), new Core.Readings.BarnReading { Device = barn, TimestampMs = Day0.ToUnixTimeMilliseconds(), TempC = 1, HumidityPct = 2, FanStage = 1, Seq = 3 }], default);

        var tags = (await QueryJsonAsync("SHOW TAG VALUES FROM \"barn\" WITH KEY = \"stage\""))
            .GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v[1].GetString()).ToList();
        var fields = await QueryAsync("SHOW FIELD KEYS");
        var policies = await QueryAsync($"SHOW RETENTION POLICIES ON \"{_database}\"");

        Assert.Contains(StoreFleet.AwkwardStage, tags);
        Assert.Contains("\"p_ac_kw\",\"float\"", fields, StringComparison.Ordinal);
        Assert.Contains("\"seq\",\"integer\"", fields, StringComparison.Ordinal);
        Assert.Contains("\"fan_stage\",\"integer\"", fields, StringComparison.Ordinal);
        Assert.Contains("\"state\",\"string\"", fields, StringComparison.Ordinal);
        Assert.DoesNotContain("unsigned", fields, StringComparison.Ordinal);
        Assert.Contains("[\"raw\",\"9600h0m0s\"", policies, StringComparison.Ordinal); // 400 days, the default RawDays
        Assert.Contains("[\"rollups\",\"0s\"", policies, StringComparison.Ordinal);   // forever
        var series = await QueryAsync("SHOW SERIES FROM \"pv\"");
        Assert.Contains("pv,class=village,county=zezhou,station=PV-V008,village=zezhou-bagong-03", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollUp_WritesDailyMetersIntoTheRetentionPolicyThatIsKeptForever()
    {
        var station = Station("PV-V009");
        await Store.WriteAsync(Meter(station, Day0.AddHours(8), count: 5, everySeconds: 600, startKwh: 70), default);

        await Store.RollUpAsync(new DateOnly(2000, 1, 1), new DateOnly(2026, 11, 30), default); // the retention job's full pass

        var rollup = await QueryAsync("SELECT * FROM \"rollups\".\"pv_daily\"");
        // Columns: time, first_at, first_kwh, last_at, last_kwh, min_kwh, readings, rise_kwh, station, steps_down.
        var (first, last) = (Day0.AddHours(8).ToUnixTimeMilliseconds(), Day0.AddHours(8).AddMinutes(40).ToUnixTimeMilliseconds());
        Assert.Contains($"[{Day0.ToUnixTimeMilliseconds()},{first},70,{last},72,70,5,2,\"PV-V009\",0]", rollup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_AfterTheDatabaseWasDropped_SetsItUpAgain()
    {
        var station = Station("PV-V010");
        await Store.WriteAsync([Pv(station, Day0, 1, 1)], default);
        using (var http = new HttpClient())
        {
            using var drop = await http.PostAsync(new Uri($"{influx.Server.Url}/query"), new FormUrlEncodedContent([new("q", $"DROP DATABASE \"{_database}\"")]));
            drop.EnsureSuccessStatusCode();
        }

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => Store.WriteAsync([Pv(station, Day0.AddMinutes(1), 2, 2)], default));
        await Store.WriteAsync([Pv(station, Day0.AddMinutes(2), 3, 3)], default);

        Assert.Equal(404, error.Status);
        Assert.Equal([3.0], (await Store.ReadPvAsync(station.Id, Day0, Day0.AddHours(1), default)).Select(r => r.PowerKw));
    }

    [Fact]
    public async Task Write_FieldTypeConflict_IsRejectedForGoodAndTheOtherPointsAreStored()
    {
        var station = Station("PV-V011");
        using (var http = new HttpClient())
        {
            // Someone wrote p_ac_kw as a string into this week's shard: floats for it are refused there from now on.
            using var body = new StringContent($"pv,station=PV-X p_ac_kw=\"broken\" {Day0.ToUnixTimeMilliseconds()}\n");
            using var write = await http.PostAsync(new Uri($"{influx.Server.Url}/write?db={_database}&rp=raw&precision=ms"), body);
            write.EnsureSuccessStatusCode();
        }

        var error = await Assert.ThrowsAsync<TimeSeriesWriteRejectedException>(
            () => Store.WriteAsync([Pv(station, Day0.AddHours(1), 1, 1), Pv(station, Day0.AddDays(-30), 2, 2)], default));

        Assert.Contains("field type conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal([2.0], (await Store.ReadPvAsync(station.Id, Day0.AddDays(-31), Day0.AddDays(1), default)).Select(r => r.PowerKw));
    }

    /// <summary>What the raw retention policy does when the readings' shard expires.</summary>
    protected override async Task ExpireRawAsync(DateTimeOffset before)
    {
        using var http = new HttpClient();
        using var delete = await http.PostAsync(
            new Uri($"{influx.Server.Url}/query?db={_database}"), new FormUrlEncodedContent([new("q", $"DELETE FROM \"pv\" WHERE time < {InfluxQl.Time(before)}")]));
        delete.EnsureSuccessStatusCode();
    }

    protected override Task<ITimeSeriesStore> CreateStoreAsync(FleetRegistry fleet)
    {
        var options = Options.Create(new StorageOptions
        {
            Provider = StorageProvider.InfluxDB,
            InfluxDB = { Url = influx.Server.Url, Version = 1, Database = _database },
        });
        return Task.FromResult<ITimeSeriesStore>(new InfluxTimeSeriesStore(fleet, options, TimeProvider.System, NullLogger<InfluxTimeSeriesStore>.Instance));
    }

    private async Task<string> QueryAsync(string query) => (await QueryJsonAsync(query)).GetRawText().Replace(" ", "", StringComparison.Ordinal);

    private async Task<JsonElement> QueryJsonAsync(string query)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri($"{influx.Server.Url}/query?epoch=ms&db={_database}&q={Uri.EscapeDataString(query)}"));
    }
}
