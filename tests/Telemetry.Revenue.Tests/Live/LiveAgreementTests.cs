using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Revenue.Live;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tariffs;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Live;

/// <summary>
/// The live figures (Rx over the stored-readings stream, virtual time) and the official figures (computed from the store)
/// agree once the day's data has settled: with replays, a counter reset and a reading arriving late and out of order.
/// </summary>
public sealed class LiveAgreementTests
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    [Fact]
    public async Task Today_LiveFromTheStreamAndOfficialFromTheStore_Agree()
    {
        var (official, live, updates) = await RunDayAsync(closingHour: 21);

        // Hand count: 79 readings 06:00–19:00, each +5 kWh except 06:00 (+5 from yesterday's 70,000 as well) — every
        // step adds 5, including the reset step (counted from zero: 5). 79 steps × 5 = 395 kWh. Yesterday's closing reading
        // at 21:00 is after dusk, so the night step covers less than an hour of daylight (05:03–06:00) and is the night.
        var officialDay = official.Single(d => d.Date == Day);
        Assert.Equal((395.000m, EnergyQuality.Measured), (officialDay.Kwh, officialDay.Quality));
        Assert.Equal(officialDay.Kwh, live.EnergyKwh);
        Assert.Equal(TariffSchedule.Revenue(395m, 0.332m), live.GridYuan); // 131.14
        Assert.Equal(131.14m, live.GridYuan);
        Assert.Equal(204.61m, live.SubsidyYuan); // 395 × 0.518 = 204.61
        Assert.Equal(live, updates[^1]);
        Assert.True(updates.Count > 70);
    }

    [Fact]
    public async Task Today_ClosingReadingBeforeDusk_BothSplitTheNightStepByDaylight()
    {
        var (official, live, _) = await RunDayAsync(closingHour: 19);

        // Yesterday's 19:00 reading and today's 06:00 one bracket 46 min of yesterday's daylight window (to 19:46) and 57 min
        // of today's (from 05:03): more than an hour, so the night step's 5 kWh is a gap split between the two days by those
        // minutes, on both paths (the reading times are part of the daily aggregate).
        var (yesterday, today) = (official.Single(d => d.Date == Day.AddDays(-1)), official.Single(d => d.Date == Day));
        Assert.Equal(395.000m, yesterday.Kwh + today.Kwh);
        Assert.Equal((EnergyQuality.Estimated, EstimationMethod.DaylightProRata), (today.Quality, today.Method));
        Assert.Equal((EnergyQuality.Estimated, EstimationMethod.DaylightProRata), (yesterday.Quality, yesterday.Method));
        Assert.InRange(yesterday.Kwh, 2m, 3m);
        Assert.Equal(today.Kwh, live.EnergyKwh);
        Assert.Equal(EnergyQuality.Estimated, live.Quality);
    }

    private static async Task<(IReadOnlyList<DayEnergy> Official, LiveStationRevenue Live, List<LiveStationRevenue> Updates)> RunDayAsync(int closingHour)
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Village100);
        var station = (Station)fleet.Stations[0];
        await using var h = await RevenueHarness.CreateAsync(fleet, now: MeterScript.At(Day, 20));
        var scheduler = new HistoricalScheduler(MeterScript.At(Day, 5));
        var tracker = new LiveRevenueTracker(fleet, scheduler);
        using var stored = new Subject<IReadOnlyList<Reading>>();
        var updates = new List<LiveStationRevenue>();
        using var subscription = tracker.Track(stored).Subscribe(updates.Add);

        // Yesterday's closing reading, then a day every 10 minutes 06:00–19:00 (+5 kWh a step), a counter reset at 13:00,
        // the 11:00–12:00 readings held back by the logger and replayed at 16:00 (with duplicates of 15:00–16:00).
        var readings = new List<(DateTimeOffset At, double Kwh)> { (MeterScript.At(Day.AddDays(-1), closingHour), 70_000) };
        var register = 70_000.0;
        for (var t = MeterScript.At(Day, 6); t <= MeterScript.At(Day, 19); t = t.AddMinutes(10))
        {
            register = t == MeterScript.At(Day, 13) ? 5 : register + 5;
            readings.Add((t, register));
        }

        var late = readings.Where(r => r.At >= MeterScript.At(Day, 11) && r.At < MeterScript.At(Day, 12)).ToList();
        foreach (var r in readings.Except(late))
        {
            var batch = new List<(DateTimeOffset, double)> { r };
            if (r.At == MeterScript.At(Day, 16))
            {
                batch.AddRange(late);
                batch.AddRange(readings.Where(x => x.At >= MeterScript.At(Day, 15) && x.At <= MeterScript.At(Day, 16)));
            }

            scheduler.AdvanceTo(r.At > scheduler.Now ? r.At : scheduler.Now);
            await h.WriteAsync(station.Id, batch); // stored first, then published: the hub's order
            stored.OnNext([.. batch.Select(x => (Reading)RevenueHarness.Pv(station, x.Item1, x.Item2))]);
            scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        }

        var official = await h.Service.ComputeAsync(fleet.Villages[0], new DateOnly(2026, 5, 1), CancellationToken.None);
        return (official.Stations[0].Days, tracker.Current(station.Id)!, updates);
    }
}
