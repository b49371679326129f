using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Sqlite;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>The retention job on a real SQLite file, driven by a fake clock: raw readings expire, daily energy stays.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("telemetry-retention-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero));
    private SqliteTimeSeriesStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteTimeSeriesStore(StoreFleet.Fleet, Options(), new HostingEnvironment { ContentRootPath = _folder }, NullLogger<SqliteTimeSeriesStore>.Instance);
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FullPass_RollsUpThenPrunesReadingsOlderThanRawDays_AndDailyEnergyStaysAvailable()
    {
        var station = (Station)StoreFleet.Fleet.Stations[0];
        var oct1 = ChinaTime.StartOfDay(new DateOnly(2026, 10, 1));
        var nov28 = ChinaTime.StartOfDay(new DateOnly(2026, 11, 28));
        await _store.WriteAsync(
            [Pv(station, oct1.AddHours(8), 100), Pv(station, oct1.AddHours(16), 110), Pv(station, oct1.AddDays(1).AddHours(8), 115), Pv(station, oct1.AddDays(1).AddHours(16), 125),
             Pv(station, nov28.AddHours(8), 200), Pv(station, nov28.AddHours(16), 210)],
            default);
        using var service = new RetentionService(_store, new RollupTracker(), Options(), _time, NullLogger<RetentionService>.Instance);
        await service.StartAsync(default);

        // The job's first pass is due a minute after start; the clock moves a minute per poll (ExecuteAsync starts on its own thread).
        await Eventually.UntilAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromMinutes(1));
                return _store.ReadPvAsync(station.Id, oct1, oct1.AddDays(2), default);
            },
            r => r.Count == 0,
            TimeSpan.FromSeconds(20),
            "October's raw readings pruned");
        await service.StopAsync(default);
        var october = await _store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), default);
        Assert.Equal([10.0, 15.0], october.Select(d => d.EnergyKwh)); // 110 - 100; 125 - 110
        Assert.Equal(2, (await _store.ReadPvAsync(station.Id, nov28, nov28.AddDays(1), default)).Count); // within RawDays: kept
        Assert.Equal(85.0, Assert.Single(await _store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 28), default)).EnergyKwh);
    }

    private IOptions<StorageOptions> Options() => Microsoft.Extensions.Options.Options.Create(new StorageOptions
    {
        Sqlite = { Path = Path.Combine(_folder, "store.db"), Synchronous = "Normal" },
        Retention = { RawDays = 30 },
    });

    private static PvReading Pv(Station station, DateTimeOffset at, double meter) =>
        new() { Device = station, TimestampMs = at.ToUnixTimeMilliseconds(), PowerKw = 1, EnergyTotalKwh = meter };
}
