using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Sqlite;

namespace Telemetry.Ingest.IntegrationTests.Live;

/// <summary>
/// The live state reuses a device's snapshot while nothing it shows can have changed (the overview reads every device once a
/// second); these check that a reused snapshot never shows a stale online state, energy or reading.
/// </summary>
public sealed class FleetLiveStateTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 21, 4, 0, 0, TimeSpan.Zero); // 12:00 in Jincheng
    private readonly FleetRegistry _fleet = FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"));
    private readonly FakeTimeProvider _clock = new(Noon);
    private readonly ReadingHub _hub = new(NullLogger<ReadingHub>.Instance);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("telemetry-live-");
    private SqliteTimeSeriesStore _store = null!;
    private FleetLiveState _live = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteTimeSeriesStore(
            _fleet,
            Options.Create(new StorageOptions { Sqlite = new SqliteStorageOptions { Path = Path.Combine(_folder.FullName, "t.db") } }),
            new HostingEnvironment { ContentRootPath = _folder.FullName },
            NullLogger<SqliteTimeSeriesStore>.Instance);
        _live = new FleetLiveState(_fleet, _hub, _store, Options.Create(new IngestOptions()), _clock, NullLogger<FleetLiveState>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _live.Dispose();
        _hub.Dispose();
        await _store.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void Snapshot_NothingChanged_IsTheSameObject()
    {
        var station = _fleet.Stations[0];
        _hub.Publish([Pv(station, Noon.AddSeconds(-30), 1_000)]);

        var first = _live.Get(station.Id);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var second = _live.Get(station.Id);

        Assert.True(first.Online);
        Assert.Same(first, second);
    }

    [Fact]
    public void Snapshot_SilentLongerThanTheSilence_TurnsOfflineEvenIfAsRecentlyReused()
    {
        var station = _fleet.Stations[0];
        _hub.Publish([Pv(station, Noon, 1_000)]);
        Assert.True(_live.Get(station.Id).Online);
        var silence = TimeSpan.FromSeconds(station.CadenceSeconds * new IngestOptions().SilenceCadences);

        _clock.Advance(silence);
        Assert.True(_live.All()[station.Index].Online); // exactly at the limit: still online
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(_live.All()[station.Index].Online);
        Assert.False(_live.Get(station.Id).Online);
    }

    [Fact]
    public void Snapshot_NewReadingStatusOrDay_IsRebuilt()
    {
        var station = _fleet.Stations[0];
        _hub.Publish([Pv(station, Noon.AddMinutes(-1), 1_000)]);
        var before = _live.Get(station.Id);

        _hub.Publish([Pv(station, Noon, 1_002.5)]);
        var newer = _live.Get(station.Id);
        _live.SetStatus(station, online: false);
        var lastWill = _live.Get(station.Id);
        _clock.SetUtcNow(Noon.AddDays(1));
        var nextDay = _live.Get(station.Id);

        Assert.Equal(2.5, newer.EnergyTodayKwh);
        Assert.Equal(Noon, newer.LastSeen);
        Assert.NotSame(before, newer);
        Assert.False(lastWill.Online);
        Assert.Equal(0, nextDay.EnergyTodayKwh); // yesterday's energy is not today's
    }

    [Fact]
    public async Task Start_RestoresEachDevicesLatestReadingAndTodaysMeterBaselineFromTheStore()
    {
        var reporting = _fleet.Stations[0];
        var quietSinceYesterday = _fleet.Stations[1];
        var barn = _fleet.Barns[0];
        await _store.InitializeAsync(default);
        await _store.WriteAsync(
        [
            Pv(reporting, Noon.AddHours(-13), 998), // 23:00 yesterday: not today's baseline
            Pv(reporting, Noon.AddHours(-6), 1_000), // 06:00, the day's first reading
            Pv(reporting, Noon.AddHours(-3), 1_005),
            Pv(reporting, Noon.AddHours(-1), 1_012),
            Pv(quietSinceYesterday, Noon.AddDays(-1), 1_500),
            new BarnReading { Device = barn, TimestampMs = Noon.AddMinutes(-2).ToUnixTimeMilliseconds(), TempC = 18.5, HumidityPct = 60 },
        ], default);

        await _live.StartAsync(default);

        var station = _live.Get(reporting.Id);
        Assert.Equal((Noon.AddHours(-1), 12.0), (station.LastSeen, station.EnergyTodayKwh)); // 1,012 − 1,000 since 06:00
        Assert.Equal((Noon.AddDays(-1), 0.0), (_live.Get(quietSinceYesterday.Id).LastSeen, _live.Get(quietSinceYesterday.Id).EnergyTodayKwh));
        Assert.Equal(18.5, Assert.IsType<BarnReading>(_live.Get(barn.Id).Latest).TempC);
        await _live.StopAsync(default);
    }

    private static PvReading Pv(Station station, DateTimeOffset at, double meterKwh) => new()
    {
        Device = station,
        TimestampMs = at.ToUnixTimeMilliseconds(),
        PowerKw = 10,
        EnergyTotalKwh = meterKwh,
    };
}
