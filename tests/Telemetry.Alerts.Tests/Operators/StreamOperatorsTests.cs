using System.Reactive.Linq;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Tests.Support;

namespace Telemetry.Alerts.Tests.Operators;

public sealed class StreamOperatorsTests
{
    private static readonly DateTimeOffset T0 = Virtual.Start;

    [Fact]
    public void RollingSums_sum_the_trailing_window_of_device_time()
    {
        var input = Enumerable.Range(0, 10).Select(i => new PairSample(T0.AddMinutes(i * 10), 1, i));

        var totals = input.ToObservable().RollingSums(TimeSpan.FromMinutes(30)).ToEnumerable().ToList();

        Assert.Equal(10, totals.Count);
        Assert.Equal(3, totals[^1].First); // minutes 70, 80, 90
        Assert.Equal(7 + 8 + 9, totals[^1].Second);
        Assert.Equal(TimeSpan.FromMinutes(20), totals[^1].Covered);
        Assert.Equal(3, totals[^1].Count);
    }

    [Fact]
    public void InDeviceOrder_drops_duplicates_and_older_readings_per_device()
    {
        var a = TestFleet.Station("PV-1");
        var b = TestFleet.Station("PV-2");
        var readings = new[]
        {
            Read.Pv(a, T0), Read.Pv(b, T0), Read.Pv(a, T0), Read.Pv(a, T0.AddMinutes(1)), Read.Pv(b, T0.AddMinutes(-5)), Read.Pv(b, T0.AddMinutes(1)),
        };

        var passed = readings.ToObservable().InDeviceOrder(TestFleet.Registry.Devices.Count).ToEnumerable().ToList();

        Assert.Equal([readings[0], readings[1], readings[3], readings[5]], passed);
    }

    [Fact]
    public void WhenAnyActive_is_active_while_any_condition_is()
    {
        static KeyedChange K(string key, bool active, AlertSeverity severity, int minute) =>
            new(key, new ConditionChange(active, severity, T0.AddMinutes(minute), T0, 0));

        var input = new[]
        {
            K("t_c", true, AlertSeverity.Major, 1), K("rh", true, AlertSeverity.Major, 2), K("t_c", false, AlertSeverity.Major, 3),
            K("rh", true, AlertSeverity.Critical, 4), K("rh", false, AlertSeverity.Critical, 5), K("rh", false, AlertSeverity.Critical, 6),
        };

        var output = input.ToObservable().WhenAnyActive().ToEnumerable().ToList();

        Assert.Equal(
            [("t_c", true, AlertSeverity.Major), ("rh", true, AlertSeverity.Critical), ("rh", false, AlertSeverity.Critical)],
            output.Select(o => (o.Key, o.Change.Active, o.Change.Severity)));
    }
}
