using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Sqlite;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>The store contract on a real SQLite file, plus what only SQLite does itself: pruning raw readings.</summary>
public sealed class SqliteStoreContractTests : TimeSeriesStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("telemetry-sqlite-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Prune_AfterRollUp_DailyEnergyStillComesFromTheRollup()
    {
        var station = Station("PV-V007");
        var readings = Meter(station, Day0.AddHours(8), count: 10, everySeconds: 3600, startKwh: 300)
            .Concat(Meter(station, Day0.AddDays(1).AddHours(8), count: 10, everySeconds: 3600, startKwh: 320)).ToList();
        await Store.WriteAsync(readings, default);
        var before = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), default);

        await Store.RollUpAsync(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), default);
        await Store.PruneAsync(Day0.AddDays(2), default);

        Assert.Empty(await Store.ReadPvAsync(station.Id, Day0, Day0.AddDays(2), default));
        var after = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), default);
        Assert.Equal(before, after);
        Assert.Equal([4.5, 20.0], after.Select(d => d.EnergyKwh)); // day 2 counts from day 1's last reading (304.5)
    }

    protected override Task ExpireRawAsync(DateTimeOffset before) => Store.PruneAsync(before, default);

    protected override Task<ITimeSeriesStore> CreateStoreAsync(FleetRegistry fleet)
    {
        var options = Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "store.db"), Synchronous = "Normal" } });
        var environment = new HostingEnvironment { ContentRootPath = _folder, EnvironmentName = "Testing" };
        return Task.FromResult<ITimeSeriesStore>(new SqliteTimeSeriesStore(fleet, options, environment, NullLogger<SqliteTimeSeriesStore>.Instance));
    }
}
