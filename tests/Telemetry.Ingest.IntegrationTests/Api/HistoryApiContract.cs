using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.IntegrationTests.Api;

/// <summary>
/// The history endpoints of the real host (portal composition) over each store adapter: the same requests, the same answers.
/// </summary>
public abstract class HistoryApiContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Day0 = ChinaTime.StartOfDay(new DateOnly(2026, 10, 30));
    private readonly string _folder = Directory.CreateTempSubdirectory("telemetry-api-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;

    protected ITimeSeriesStore Store => _factory.Services.GetRequiredService<ITimeSeriesStore>();

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fleet:Path"] = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"),
            // No broker needed: these tests read history only; the external client just keeps retrying a port nobody listens on.
            ["Broker:Mode"] = "External",
            ["Broker:Host"] = "127.0.0.1",
            ["Broker:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Simulators:Enabled"] = "false",
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "telemetry.db"),
            ["Storage:Sqlite:Synchronous"] = "Normal",
            ["Storage:Spool:Path"] = Path.Combine(_folder, "spool"),
            ["Ingest:DeadLetterPath"] = Path.Combine(_folder, "deadletter.jsonl"),
            ["Alerts:DatabasePath"] = Path.Combine(_folder, "alerts.db"),
            ["Revenue:LedgerPath"] = Path.Combine(_folder, "revenue.db"),
        };
        foreach (var (key, value) in StorageSettings())
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings)));
        _http = _factory.CreateClient(); // the host has started: the store is initialized before the writer starts
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected abstract IReadOnlyDictionary<string, string?> StorageSettings();

    [Fact]
    public async Task StationHistory_15m_AnswersTheStoresBuckets()
    {
        var station = Device<Station>("PV-V001");
        await Store.WriteAsync([.. Enumerable.Range(0, 90).Select(i => Pv(station, Day0.AddHours(10).AddMinutes(i), 20 + (i % 10), 100 + i))], default);

        var json = await GetAsync($"/api/stations/PV-V001/history?from={Q(Day0.AddHours(10))}&to={Q(Day0.AddHours(11).AddMinutes(30))}&resolution=15m");

        Assert.Equal(6, json.GetArrayLength());
        var first = json[0];
        Assert.Equal(Day0.AddHours(10), first.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(Enumerable.Range(0, 15).Average(i => 20 + (i % 10)), first.GetProperty("meanPowerKw").GetDouble(), 9);
        Assert.Equal(29, first.GetProperty("maxPowerKw").GetDouble());
        Assert.Equal(114, first.GetProperty("lastEnergyTotalKwh").GetDouble());
        Assert.Equal(15, first.GetProperty("readings").GetInt64());
    }

    [Fact]
    public async Task DailyAndMonthlyEnergy_AnswerFromTheLifetimeMeter()
    {
        var station = Device<Station>("PV-V002");
        await Store.WriteAsync([.. Enumerable.Range(0, 4).SelectMany(d => new[] { Pv(station, Day0.AddDays(d).AddHours(9), 5, 1000 + (d * 40)), Pv(station, Day0.AddDays(d).AddHours(15), 5, 1030 + (d * 40)) })], default);

        var daily = await GetAsync("/api/stations/PV-V002/energy/daily?from=2026-10-30&to=2026-11-02");
        var monthly = await GetAsync("/api/stations/PV-V002/energy/monthly?from=2026-10&to=2026-11");

        Assert.Equal(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"], daily.EnumerateArray().Select(d => d.GetProperty("date").GetString()));
        Assert.Equal([30.0, 40.0, 40.0, 40.0], daily.EnumerateArray().Select(d => d.GetProperty("energyKwh").GetDouble()));
        Assert.Equal([(10, 70.0), (11, 80.0)], monthly.EnumerateArray().Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("energyKwh").GetDouble())));
    }

    [Fact]
    public async Task VillagePowerAndBarnHistory_AnswerPerBucket()
    {
        var stations = Fleet.Stations.Where(s => s.Village.Id == "chengqu-bsd-01").Take(2).ToList();
        var barn = Device<Barn>("BARN-001");
        await Store.WriteAsync([.. stations.Select((s, k) => Pv(s, Day0.AddHours(12), 10 * (k + 1), 1)), new BarnReading { Device = barn, TimestampMs = Day0.AddHours(12).ToUnixTimeMilliseconds(), TempC = 22.5, HumidityPct = 70, Nh3Ppm = 12 }], default);

        var village = await GetAsync($"/api/villages/chengqu-bsd-01/power?from={Q(Day0)}&to={Q(Day0.AddDays(1))}&resolution=1d");
        var barnDay = await GetAsync($"/api/barns/BARN-001/history?from={Q(Day0)}&to={Q(Day0.AddDays(1))}&resolution=raw");

        Assert.Equal((30.0, 2), (village[0].GetProperty("powerKw").GetDouble(), village[0].GetProperty("stations").GetInt32()));
        Assert.Equal((22.5, 12.0), (barnDay[0].GetProperty("meanTempC").GetDouble(), barnDay[0].GetProperty("maxNh3Ppm").GetDouble()));
    }

    [Theory]
    [InlineData("/api/stations/NOPE/history", HttpStatusCode.NotFound)]
    [InlineData("/api/stations/BARN-001/history", HttpStatusCode.NotFound)]
    [InlineData("/api/stations/PV-V001/history?resolution=5m", HttpStatusCode.BadRequest)]
    [InlineData("/api/stations/PV-V001/history?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("/api/stations/PV-V001/history?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z&resolution=1m", HttpStatusCode.BadRequest)]
    [InlineData("/api/villages/chengqu-bsd-01/power?resolution=raw", HttpStatusCode.BadRequest)]
    [InlineData("/api/villages/nowhere/power", HttpStatusCode.NotFound)]
    [InlineData("/api/stations/PV-V001/energy/monthly?from=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("/api/stations/PV-V001/energy/daily?from=2026-11-02&to=2026-11-01", HttpStatusCode.BadRequest)]
    public async Task BadRequests_NameWhatIsWrong(string path, HttpStatusCode status)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ReportTheSpoolAndStoreHealth()
    {
        var stats = await GetAsync("/api/stats");

        Assert.True(stats.GetProperty("storeHealthy").GetBoolean());
        Assert.Equal(0, stats.GetProperty("spooled").GetInt64());
        Assert.Equal(0, stats.GetProperty("spoolDropped").GetInt64());
    }

    private FleetRegistry Fleet => _factory.Services.GetRequiredService<FleetRegistry>();

    private T Device<T>(string id)
        where T : Device => (T)(Fleet.TryGetDevice(id, out var d) ? d : throw new ArgumentException(id));

    private static PvReading Pv(Station s, DateTimeOffset at, double power, double meter) =>
        new() { Device = s, TimestampMs = at.ToUnixTimeMilliseconds(), PowerKw = power, EnergyTotalKwh = meter };

    private static string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
