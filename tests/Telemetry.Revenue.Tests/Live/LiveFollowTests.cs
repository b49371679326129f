using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Revenue.Live;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Live;

/// <summary>The host's <see cref="LiveRevenueTracker.Follow"/> (meters only, figures on demand) gives what <see cref="LiveRevenueTracker.Track"/> emits.</summary>
public sealed class LiveFollowTests
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    [Fact]
    public void Follow_SameStreamAsTrack_CurrentFiguresAreTheLastTrackedOnes()
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Village100);
        var station = (Station)fleet.Stations[0];
        var scheduler = new HistoricalScheduler(MeterScript.At(Day, 5));
        var tracked = new LiveRevenueTracker(fleet, scheduler);
        var followed = new LiveRevenueTracker(fleet, scheduler);
        using var stored = new Subject<IReadOnlyList<Reading>>();
        var updates = new List<LiveStationRevenue>();
        using var track = tracked.Track(stored).Subscribe(updates.Add);
        using var follow = followed.Follow(stored, e => Assert.Fail(e.ToString()));

        var register = 70_000.0;
        for (var t = MeterScript.At(Day, 6); t <= MeterScript.At(Day, 12); t = t.AddMinutes(10))
        {
            register = t == MeterScript.At(Day, 9) ? 3 : register + 4; // with a counter reset at 09:00
            scheduler.AdvanceTo(t);
            stored.OnNext([RevenueHarness.Pv(station, t, register)]);
            scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        }

        var current = followed.Current(station.Id);
        Assert.NotNull(current);
        Assert.Equal(updates[^1], current);
        Assert.True(current.EnergyKwh > 0);
    }
}
