using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>
/// The InfluxDB 2.x/3.x path (no such server installs here): the exact requests the adapter sends to a recording endpoint, and
/// how it reacts to 429, 503 and Retry-After.
/// </summary>
public sealed class InfluxV2ProtocolTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private FakeInfluxV2 _server = null!;

    public async Task InitializeAsync() => _server = await FakeInfluxV2.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Initialize_CreatesBothBucketsInTheOrgWithTheRawRetention()
    {
        using var store = Store();

        await store.InitializeAsync(default);

        var created = _server.Requests.Where(r => r is { Method: "POST", Path: "/api/v2/buckets" }).ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, r => Assert.Equal("Token secret-token", r.Headers["Authorization"]));
        Assert.Contains("\"name\":\"telemetry\"", created[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"orgID\":\"0a1b2c3d4e5f6a7b\"", created[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"everySeconds\":34560000", created[0].Body, StringComparison.Ordinal); // 400 days
        Assert.Contains("\"name\":\"telemetry_rollups\"", created[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("everySeconds", created[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_SendsGzippedLineProtocolWithTokenOrgBucketAndMsPrecision()
    {
        using var store = Store();
        var station = Station();

        await store.WriteAsync([new PvReading { Device = station, TimestampMs = At.ToUnixTimeMilliseconds(), PowerKw = 61.5, EnergyTotalKwh = 1000, Seq = 9, State = InverterState.Running }], default);

        var write = Assert.Single(_server.Writes);
        Assert.Equal("POST", write.Method);
        Assert.Equal(("jincheng", "telemetry", "ms"), (write.Query["org"], write.Query["bucket"], write.Query["precision"]));
        Assert.Equal("Token secret-token", write.Headers["Authorization"]);
        Assert.Equal("gzip", write.Headers["Content-Encoding"]);
        Assert.Equal(
            $"pv,class=village,county=chengqu,station=PV-V001,village=chengqu-bsd-01 p_ac_kw=61.5,e_total_kwh=1000,state=\"running\",seq=9i {At.ToUnixTimeMilliseconds()}\n",
            write.Body);
    }

    [Fact]
    public async Task Write_After503And429WithRetryAfter_RetriesAndWaitsAsTold()
    {
        using var store = Store();
        _server.ScriptWrites((503, null), (429, 1));
        var watch = Stopwatch.StartNew();

        await store.WriteAsync([Reading()], default);

        var writes = _server.Writes.ToList();
        Assert.Equal(3, writes.Count);
        Assert.True(writes[2].At - writes[1].At >= TimeSpan.FromMilliseconds(950), $"waited only {(writes[2].At - writes[1].At).TotalMilliseconds} ms after Retry-After: 1");
        Assert.Equal(writes[0].Body, writes[2].Body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Write_StillFailingAfterTheRetries_ThrowsSoTheWriterSpoolsTheBatch()
    {
        using var store = Store();
        _server.ScriptWrites((503, null), (503, null), (503, null), (503, null));

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => store.WriteAsync([Reading()], default));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, _server.Writes.Count()); // the first attempt and MaxRetries = 2
    }

    [Fact]
    public async Task Write_RetryAfterLongerThanTheCap_GivesUpAtOnce()
    {
        using var store = Store();
        _server.ScriptWrites((429, 600));

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => store.WriteAsync([Reading()], default));

        Assert.Equal((429, TimeSpan.FromSeconds(600)), (error.Status, error.RetryAfter));
        Assert.Single(_server.Writes);
    }

    [Fact]
    public async Task Write_BadRequest_IsRejectedForGoodWithoutRetry()
    {
        using var store = Store();
        _server.ScriptWrites((400, null));

        await Assert.ThrowsAsync<TimeSeriesWriteRejectedException>(() => store.WriteAsync([Reading()], default));

        Assert.Single(_server.Writes);
    }

    [Fact]
    public async Task Read_UsesInfluxQlOverQueryWithTheBucketAsDatabaseAndTheToken()
    {
        using var store = Store();

        await store.ReadPvSeriesAsync("PV-V001", At, At.AddHours(1), SeriesResolution.FifteenMinutes, default);

        var query = Assert.Single(_server.Requests, r => r.Path == "/query");
        Assert.Equal(("GET", "telemetry", "ms"), (query.Method, query.Query["db"], query.Query["epoch"]));
        Assert.Equal("Token secret-token", query.Headers["Authorization"]);
        Assert.StartsWith("SELECT mean(\"p_ac_kw\")", query.Query["q"], StringComparison.Ordinal);
        Assert.Contains("GROUP BY time(900000ms, 0ms) fill(none)", query.Query["q"], StringComparison.Ordinal);
    }

    private static Station Station() => (Station)(StoreFleet.Fleet.TryGetDevice("PV-V001", out var d) ? d : null!);

    private static PvReading Reading() => new() { Device = Station(), TimestampMs = At.ToUnixTimeMilliseconds(), PowerKw = 1, EnergyTotalKwh = 2 };

    private InfluxTimeSeriesStore Store() => new(
        StoreFleet.Fleet,
        Options.Create(new StorageOptions
        {
            Provider = StorageProvider.InfluxDB,
            InfluxDB = { Url = _server.Url, Version = 2, Token = "secret-token", Org = "jincheng", Bucket = "telemetry", RetryDelayMs = 50 },
        }),
        TimeProvider.System,
        NullLogger<InfluxTimeSeriesStore>.Instance);
}
