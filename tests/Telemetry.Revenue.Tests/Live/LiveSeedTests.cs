using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Core.Fleet;
using Telemetry.Ingest.Pipeline;
using Telemetry.Revenue.Live;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Live;

/// <summary>
/// After a restart the live figures start from the store: <see cref="LiveRevenueService"/> reads yesterday's and today's
/// registers of every station (a few hundred stations per read) and seeds the tracker with them.
/// </summary>
public sealed class LiveSeedTests
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    [Fact]
    public async Task Start_SeedsEveryStationWithYesterdayAndTodayFromTheStore()
    {
        var fleet = RevenueFleet.Registry();
        var reporting = (Station)fleet.Stations.Single(s => s.Id == RevenueFleet.Village100);
        var yesterdayOnly = (Station)fleet.Stations.Single(s => s.Id == RevenueFleet.Joint300);
        await using var h = await RevenueHarness.CreateAsync(fleet, now: MeterScript.At(Day, 10, 30));
        var registers = new List<(DateTimeOffset At, double Kwh)>
        {
            (MeterScript.At(Day.AddDays(-2), 12), 69_000), // before the window: not read
            (MeterScript.At(Day.AddDays(-1), 21), 70_000), // yesterday's closing register, after dusk
        };
        registers.AddRange(Enumerable.Range(6, 5).Select(hour => (MeterScript.At(Day, hour), 70_000 + ((hour - 5) * 5.0)))); // 06:00–10:00, +5 each
        await h.WriteAsync(reporting.Id, registers);
        await h.WriteAsync(yesterdayOnly.Id, [(MeterScript.At(Day.AddDays(-1), 15), 1_000)]);

        var tracker = new LiveRevenueTracker(fleet, new HistoricalScheduler(MeterScript.At(Day, 10, 30)));
        using var hub = new ReadingHub(NullLogger<ReadingHub>.Instance);
        using var service = new LiveRevenueService(tracker, hub, h.Store, fleet, NullLogger<LiveRevenueService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var live = tracker.Current(reporting.Id);
        for (var waited = 0; live is null && waited < 400; waited++)
        {
            await Task.Delay(25); // the service seeds in the background
            live = tracker.Current(reporting.Id);
        }

        await service.StopAsync(CancellationToken.None);

        // Five steps of 5 kWh since yesterday's closing register (the night step included: it spans no daylight hour).
        var direct = new LiveRevenueTracker(fleet, new HistoricalScheduler(MeterScript.At(Day, 10, 30)));
        direct.Seed(reporting, registers.Skip(1).Select(r => MeterPoint.From(r.At.ToUnixTimeMilliseconds(), r.Kwh)));
        Assert.Equal((25.000m, 5L, MeterScript.At(Day, 10)), (live!.EnergyKwh, live.Readings, live.LastReadingAt));
        Assert.Equal(direct.Current(reporting.Id), live);
        Assert.Null(tracker.Current(yesterdayOnly.Id)); // nothing today
    }
}
