using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Api;

/// <summary>The revenue endpoints on the real host, with the Jincheng sample fleet and plans.</summary>
public sealed class RevenueApiTests : IClassFixture<RevenueHostFactory>
{
    private readonly RevenueHostFactory _factory;
    private readonly HttpClient _client;

    public RevenueApiTests(RevenueHostFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task Villages_ListsEveryVillageWithItsCounty()
    {
        var villages = await _client.GetFromJsonAsync<JsonElement>("/api/villages");
        Assert.Equal(40, villages.GetArrayLength());
        var first = villages[0];
        Assert.Equal(("chengqu-bsd-01", "北石店村", "城区"), (first.GetProperty("id").GetString(), first.GetProperty("name").GetString(), first.GetProperty("county").GetString()));
    }

    [Fact]
    public async Task Statement_PastMonth_IsComputedFromTheStoreAndLinesAddUpToDistributable()
    {
        var (village, station) = await WriteAprilAsync();

        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/revenue/{village}/2026-04");

        Assert.Equal("Unpublished", json.GetProperty("status").GetString());
        var s = json.GetProperty("stations").EnumerateArray().Single(x => x.GetProperty("stationId").GetString() == station.Id);
        Assert.Equal(12_000m, s.GetProperty("energyKwh").GetDecimal()); // 30 days × 400 kWh
        Assert.Equal(12_000m * station.Tariff.GridYuanPerKwh, s.GetProperty("gridYuan").GetDecimal());
        var distributable = json.GetProperty("totals").GetProperty("distributableYuan").GetDecimal();
        Assert.True(distributable > 0m);
        Assert.Equal(distributable, json.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amountYuan").GetDecimal()));
    }

    [Fact]
    public async Task Statement_CurrentMonth_IsProvisional_FutureMonthAndUnknownVillageAreNotFound()
    {
        var current = await _client.GetFromJsonAsync<JsonElement>("/api/revenue/zezhou-gaodu-01/2026-05");
        Assert.Equal("Provisional", current.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/revenue/zezhou-gaodu-01/2026-06")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/revenue/nowhere/2026-04")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/revenue/zezhou-gaodu-01/2026-4")).StatusCode);
    }

    [Fact]
    public async Task StatementCsv_IsUtf8WithBomAndChineseHeadings()
    {
        var (village, _) = await WriteAprilAsync();

        var response = await _client.GetAsync($"/api/revenue/{village}/2026-04/statement.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("高都村光伏帮扶电站收益分配公示表\r\n", text, StringComparison.Ordinal);
        Assert.Contains("序号,类别,项目,领取人", text, StringComparison.Ordinal);
        Assert.Contains("可分配收益", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NeedsTheKey_ThenChainVerifies_AndASecondPublicationConflicts()
    {
        var (village, _) = await WriteAprilAsync("zezhou-gaodu-02");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync($"/api/revenue/{village}/2026-04/publish", null)).StatusCode);
        var published = await Send(HttpMethod.Post, $"/api/revenue/{village}/2026-04/publish");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var statement = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Published", statement.GetProperty("status").GetString());
        Assert.Equal(64, statement.GetProperty("hash").GetString()!.Length);

        Assert.Equal(HttpStatusCode.Conflict, (await Send(HttpMethod.Post, $"/api/revenue/{village}/2026-04/publish")).StatusCode);
        var verify = await _client.GetFromJsonAsync<JsonElement>($"/api/revenue/verify/{village}");
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(statement.GetProperty("hash").GetString(), verify.GetProperty("headHash").GetString());
        var canonical = await _client.GetStringAsync($"/api/revenue/{village}/statements/1/canonical");
        Assert.Equal(statement.GetProperty("hash").GetString(), Telemetry.Revenue.Statements.StatementJson.Hash(canonical));
    }

    [Fact]
    public async Task SubsidyBatch_Invalid_IsRefusedWithTheFieldsAtFault()
    {
        var response = await Send(HttpMethod.Post, "/api/revenue/subsidy-batches", new { stationId = "PV-NOPE", received = "2026-05-01", amountYuan = 1.005m, periodFrom = "2025-12", periodTo = "2025-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("stationId", out _));
        Assert.True(errors.TryGetProperty("amountYuan", out _));
        Assert.True(errors.TryGetProperty("periodFrom", out _));
        Assert.True(errors.TryGetProperty("reference", out _));
    }

    /// <summary>April 2026 at the village's village station, 400 kWh a day.</summary>
    private async Task<(string Village, Station Station)> WriteAprilAsync(string villageId = "zezhou-gaodu-01")
    {
        var fleet = _factory.Services.GetRequiredService<FleetRegistry>();
        var station = fleet.Stations.First(s => s.Class == StationClass.Village && s.Village.Id == villageId);
        var store = _factory.Services.GetRequiredService<ITimeSeriesStore>();
        var readings = MeterScript.April2026(80_000, 400).OnTime.Select(r => (Reading)RevenueHarness.Pv(station, r.At, r.Kwh)).ToList();
        await store.WriteAsync(readings, CancellationToken.None); // idempotent: every test may write it again
        return (station.Village.Id, station);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Revenue-Key", RevenueHostFactory.ApiKey);
        return _client.SendAsync(request);
    }
}
