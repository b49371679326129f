using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Metering;

/// <summary>
/// The official meter read (<see cref="StoreMeterSource"/>) on the real SQLite store: per day the store's aggregate, every
/// reading only for the days that need it, and the same energy as every stored reading would give.
/// </summary>
public sealed class StoreMeterSourceTests
{
    private static readonly DateOnly April = MeterScript.April;
    private static readonly DateOnly LastOfApril = April.AddMonths(1).AddDays(-1);

    [Fact]
    public async Task ReadAsync_MonthWithAResetLateDaysAndReplays_OnlyTheResetDayInFullAndTheSameEnergyAsEveryReading()
    {
        await using var h = await RevenueHarness.CreateAsync(RevenueFleet.Registry(RevenueFleet.Village100));
        var station = Station(h);
        var (onTime, late) = MeterScript.April2026(50_000, 400, resetOn15th: true, days10To12Late: true);
        await h.WriteAsync(station.Id, onTime);
        await h.WriteAsync(station.Id, [.. late, .. onTime.Take(20)]); // late days, with a replay of readings already stored

        var series = await ((IMeterSource)new StoreMeterSource(h.Store)).ReadAsync(station, April, LastOfApril, CancellationToken.None);
        var stored = await h.Store.ReadPvAsync(station.Id, ChinaTime.StartOfDay(April.AddDays(-1)), ChinaTime.StartOfDay(April.AddMonths(1).AddDays(1)), CancellationToken.None);
        var everyReading = MeterEnergyCalculator.Compute(
            stored.Select(r => MeterPoint.From(r.TimestampMs, r.EnergyTotalKwh)), [], April, LastOfApril, Daylight(station));
        var official = MeterEnergyCalculator.Compute(series, [], April, LastOfApril, Daylight(station));

        Assert.Equal([new DateOnly(2026, 4, 15)], series.Days.Where(d => d.Detail is not null).Select(d => d.Date));
        Assert.Equal(30, series.Days.Count);
        Assert.Equal(everyReading.Days, official.Days);
        Assert.Equal(12_000.000m, official.TotalKwh);
        Assert.All(official.Days, d => Assert.Equal((400.000m, EnergyQuality.Measured), (d.Kwh, d.Quality)));
    }

    [Fact]
    public async Task ReadAsync_ResetDayWhoseReadingsWerePruned_CountsItFromTheRollupAndFlagsTheMethod()
    {
        await using var h = await RevenueHarness.CreateAsync(RevenueFleet.Registry(RevenueFleet.Village100));
        var station = Station(h);
        await h.WriteAsync(station.Id, MeterScript.April2026(50_000, 400, resetOn15th: true).OnTime);
        await h.Store.RollUpAsync(April.AddDays(-1), April.AddMonths(1), CancellationToken.None);
        await h.Store.PruneAsync(ChinaTime.StartOfDay(April.AddMonths(1).AddDays(1)), CancellationToken.None);

        var series = await ((IMeterSource)new StoreMeterSource(h.Store)).ReadAsync(station, April, LastOfApril, CancellationToken.None);
        var energy = MeterEnergyCalculator.Compute(series, [], April, LastOfApril, Daylight(station));

        // The 15th from its aggregate: rises 100 + 100 + 99 + 100 = 399 between consecutive readings, one step down, lowest
        // register 1.000 (12:05, the first after the reset): 399 + 1 = 400 kWh — exact for a counter that restarted from zero,
        // but only an estimate without the readings (a glitch would look the same), so flagged.
        Assert.All(series.Days, d => Assert.Null(d.Detail));
        var day15 = energy.Days.Single(d => d.Date.Day == 15);
        Assert.Equal((400.000m, EnergyQuality.Estimated, EstimationMethod.ResetFromZero), (day15.Kwh, day15.Quality, day15.Method));
        Assert.All(energy.Days.Where(d => d.Date.Day != 15), d => Assert.Equal((400.000m, EnergyQuality.Measured), (d.Kwh, d.Quality)));
        Assert.Equal(12_000.000m, energy.TotalKwh);
    }

    [Fact]
    public async Task ReadAsync_ManyStationsInOneCall_EachAsReadAlone()
    {
        var fleet = RevenueFleet.Registry();
        await using var h = await RevenueHarness.CreateAsync(fleet);
        var stations = fleet.Stations.Cast<Station>().ToList();
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400, resetOn15th: true).OnTime);
        await h.WriteAsync(RevenueFleet.Joint300, MeterScript.April2026(9_000, 1_200, days10To12Late: true).OnTime);
        var source = new StoreMeterSource(h.Store);

        var together = await source.ReadAsync(stations, April, LastOfApril, CancellationToken.None);

        Assert.Equal(stations.Select(s => s.Id).Order(StringComparer.Ordinal), together.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(together[RevenueFleet.Household5].Days); // nothing stored for it
        foreach (var station in stations)
        {
            var alone = await source.ReadAsync([station], April, LastOfApril, CancellationToken.None);
            Assert.Equal(
                MeterEnergyCalculator.Compute(alone[station.Id], station.MeterReplacements, April, LastOfApril, Daylight(station)).Days,
                MeterEnergyCalculator.Compute(together[station.Id], station.MeterReplacements, April, LastOfApril, Daylight(station)).Days);
        }
    }

    private static Station Station(RevenueHarness h) => (Station)h.Fleet.Stations.Single(s => s.Id == RevenueFleet.Village100);

    private static DaylightWindow Daylight(Station station) => new(station.Latitude, station.Longitude);
}
