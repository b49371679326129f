using System.Reactive.Linq;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Barns;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Tests.Detectors;

/// <summary>
/// The per-device detector state (<see cref="DeviceDetectors"/>: one object per device with its rules' state in structs)
/// must behave as the Rx operators it replaced: devices independent of each other, and each rule's state machine the
/// same as the public operator over the same samples.
/// </summary>
public sealed class DeviceDetectorsTests
{
    private static readonly DateTimeOffset T0 = Read.Noon;

    [Fact]
    public void Devices_keep_their_own_state_when_their_readings_interleave()
    {
        var pv1 = TestFleet.Station("PV-1");
        var pv2 = TestFleet.Station("PV-2");
        var pig = TestFleet.Barn("PIG");
        List<List<Reading>> devices =
        [
            // zero output for 40 minutes, then production again
            [.. Read.Every(T0, 240, (t, i) => Read.Pv(pv1, t, powerKw: i is >= 10 and < 50 ? 0 : 60, energyKwh: 10_000 + i))],
            // over-temperature, escalating, then cooling down; a meter step backwards at minute 70
            [.. Read.Every(T0, 240, (t, i) => Read.Pv(pv2, t, inverterTemp: i switch { < 20 => 80, < 50 => 90, _ => 40 }, energyKwh: i < 70 ? 20_000 + i : 19_000 + i))],
            // ammonia high, a dry water line (all three report for the same span, so none goes silent before the end)
            [.. Read.Every(T0, 240, (t, i) => Read.Barn(pig, t, nh3: i is >= 30 and < 90 ? 40 : 5, rh: 60 + (i % 7), water: i is >= 60 and < 150 ? 0.5 : 10))],
        ];

        var alone = devices.Select(d => Pipeline.Run(d).Select(r => r.Value).ToList()).ToList();
        var together = Pipeline.Run(devices.SelectMany(d => d).OrderBy(r => r.TimestampMs)).Select(r => r.Value).ToList();

        Assert.All(alone, signals => Assert.NotEmpty(signals));
        Assert.Equal(alone.Sum(a => a.Count), together.Count);
        for (var i = 0; i < devices.Count; i++)
        {
            var id = devices[i][0].Device.Id;
            Assert.Equal(alone[i], together.Where(s => s.DeviceId == id));
        }
    }

    [Fact]
    public void Level_rule_gives_what_WhenAboveLevelsFor_gives()
    {
        var random = new Random(6);
        var samples = Enumerable.Range(0, 2_000).Select(i => new Sample(T0.AddMinutes(i), random.Next(5) == 0 ? double.NaN : 10 + (30 * random.NextDouble()))).ToList();
        Level[] levels = [new(20, AlertSeverity.Minor), new(28, AlertSeverity.Major), new(35, AlertSeverity.Critical)];
        var duration = TimeSpan.FromMinutes(3);
        var clearAfter = TimeSpan.FromMinutes(2);

        var rule = LevelRule.Above(levels, 18, duration, clearAfter);
        var direct = samples.Select(s => rule.Apply(s)).OfType<ConditionChange>().ToList();
        var operators = samples.ToObservable().WhenAboveLevelsFor(levels, duration, 18, clearAfter).ToList().Wait();

        Assert.True(direct.Count > 10);
        Assert.Equal(operators, direct);
    }

    [Fact]
    public void Stuck_sensors_combined_give_what_FlatLine_and_WhenAnyActive_give()
    {
        // Two sensors that stick for random spells (quantised values repeat), with random gaps.
        var random = new Random(7);
        var at = T0;
        var window = TimeSpan.FromMinutes(10);
        var samples = new List<(string Key, Sample Sample)>();
        double a = 1, b = 1;
        for (var i = 0; i < 3_000; i++)
        {
            at = at.AddMinutes(random.Next(20) == 0 ? 5 : 1);
            a = random.Next(30) == 0 ? random.Next(3) : a;
            b = random.Next(25) == 0 ? random.Next(3) : b;
            samples.Add(("a", new Sample(at, a)));
            samples.Add(("b", new Sample(at, b)));
        }

        var sensors = new Dictionary<string, StuckSensor> { ["a"] = new(), ["b"] = new() };
        var any = new AnyActive();
        var direct = new List<KeyedChange>();
        foreach (var (key, s) in samples)
        {
            var sensor = sensors[key];
            var change = sensor.Apply(key, s.At, s.Value, window);
            sensors[key] = sensor;
            if (change is { } k && any.Apply(k) is { } combined)
            {
                direct.Add(combined);
            }
        }

        IObservable<KeyedChange> Field(IObservable<(string Key, Sample Sample)> source, string key) => source.Where(x => x.Key == key).Select(x => x.Sample)
            .FlatLine(window, 1e-9, AlertSeverity.Major, window / 4)
            .Select(c => new KeyedChange(key, c with { Since = c.At - window }));
        var operators = samples.ToObservable().Publish(source => Observable.Merge(Field(source, "a"), Field(source, "b"))).WhenAnyActive().ToList().Wait();

        Assert.True(direct.Count > 10);
        Assert.Equal(operators, direct);
    }
}
