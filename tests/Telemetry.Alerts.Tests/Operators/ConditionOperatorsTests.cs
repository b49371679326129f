using System.Reactive.Linq;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Tests.Support;

namespace Telemetry.Alerts.Tests.Operators;

public sealed class ConditionOperatorsTests
{
    private static readonly DateTimeOffset T0 = Virtual.Start;

    private static IEnumerable<(DateTimeOffset, Sample)> Minutes(params double[] values) =>
        values.Select((v, i) => (T0.AddMinutes(i), new Sample(T0.AddMinutes(i), v)));

    private static List<Recorded<ConditionChange>> Above(IEnumerable<(DateTimeOffset, Sample)> input, double threshold = 10, int minutes = 5, double clearBelow = 8, int clearMinutes = 3) =>
        Virtual.Run(input, (s, _) => s.WhenAboveFor(threshold, TimeSpan.FromMinutes(minutes), clearBelow, TimeSpan.FromMinutes(clearMinutes)));

    [Fact]
    public void WhenAboveFor_raises_once_the_value_has_held_for_the_duration()
    {
        var output = Above(Minutes(5, 11, 12, 11, 13, 12, 11, 12));

        var raise = Assert.Single(output);
        Assert.True(raise.Value.Active);
        Assert.Equal(AlertSeverity.Major, raise.Value.Severity);
        Assert.Equal(T0.AddMinutes(6), raise.Value.At); // above from minute 1; 5 minutes later
        Assert.Equal(T0.AddMinutes(1), raise.Value.Since);
        Assert.Equal(T0.AddMinutes(6), raise.At);
    }

    [Fact]
    public void WhenAboveFor_does_not_raise_for_a_spike_shorter_than_the_duration()
    {
        var output = Above(Minutes(5, 30, 30, 30, 30, 5, 30, 30, 30, 5));

        Assert.Empty(output);
    }

    [Fact]
    public void WhenAboveFor_does_not_flap_while_the_value_wanders_inside_the_hysteresis_band()
    {
        // Raised at minute 5; then oscillates between 9 and 11 (below the threshold, above the clear level) for long.
        var values = new[] { 11.0, 11, 11, 11, 11, 11 }.Concat(Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 9.0 : 11.0)).ToArray();

        var output = Above(Minutes(values));

        Assert.Single(output);
        Assert.True(output[0].Value.Active);
    }

    [Fact]
    public void WhenAboveFor_clears_after_the_value_stayed_below_the_clear_level()
    {
        var output = Above(Minutes(11, 11, 11, 11, 11, 11, 7, 7, 9, 7, 7, 7, 7));

        Assert.Equal(2, output.Count);
        var clear = output[1].Value;
        Assert.False(clear.Active);
        Assert.Equal(T0.AddMinutes(12), clear.At); // below 8 from minute 9 (minute 8 was in the band and restarted it)
        Assert.Equal(T0.AddMinutes(9), clear.Since);
    }

    [Fact]
    public void WhenAboveLevelsFor_escalates_and_the_clear_reports_the_highest_severity()
    {
        Level[] levels = [new(10, AlertSeverity.Minor), new(20, AlertSeverity.Major), new(30, AlertSeverity.Critical)];
        var input = Minutes(12, 12, 12, 25, 25, 25, 35, 35, 35, 35, 1, 1, 1);

        var output = Virtual.Run(input, (s, _) => s.WhenAboveLevelsFor(levels, TimeSpan.FromMinutes(2), 5, TimeSpan.FromMinutes(1)));

        Assert.Equal(
            [(true, AlertSeverity.Minor), (true, AlertSeverity.Major), (true, AlertSeverity.Critical), (false, AlertSeverity.Critical)],
            output.Select(o => (o.Value.Active, o.Value.Severity)));
        Assert.Equal([2, 5, 8, 11], output.Select(o => (int)(o.Value.At - T0).TotalMinutes));
    }

    [Fact]
    public void WhenBelowFor_raises_and_clears_with_hysteresis()
    {
        var input = Minutes(20, 9, 9, 9, 9, 11, 12, 12, 12);

        var output = Virtual.Run(input, (s, _) => s.WhenBelowFor(10, TimeSpan.FromMinutes(3), 11.5, TimeSpan.FromMinutes(1)));

        Assert.Equal([true, false], output.Select(o => o.Value.Active));
        Assert.Equal([4, 7], output.Select(o => (int)(o.Value.At - T0).TotalMinutes));
    }

    [Fact]
    public void A_replayed_backlog_is_judged_by_device_time_not_arrival()
    {
        // Two hours of buffered readings arrive in one burst at 12:00; the condition began at 10:10 device time.
        var arrival = T0.AddHours(12);
        var backlog = Enumerable.Range(0, 120).Select(i => (arrival, new Sample(T0.AddHours(10).AddMinutes(i), i >= 10 ? 15 : 5)));

        var output = Above(backlog);

        var raise = Assert.Single(output);
        Assert.Equal(T0.AddHours(10).AddMinutes(15), raise.Value.At);
        Assert.Equal(arrival, raise.At);
    }

    [Fact]
    public void WhenHeldFor_ignores_samples_older_than_the_last_judged_and_restarts_across_gaps()
    {
        Verdict[] verdicts =
        [
            Verdict.Raise(T0, AlertSeverity.Major, 1),
            Verdict.Raise(T0.AddMinutes(3), AlertSeverity.Major, 1),
            Verdict.Clear(T0.AddMinutes(1), 0), // straggler: ignored
            Verdict.Raise(T0.AddMinutes(40), AlertSeverity.Major, 1), // after a 37-minute gap: starts again
            Verdict.Raise(T0.AddMinutes(44), AlertSeverity.Major, 1),
            Verdict.Raise(T0.AddMinutes(45), AlertSeverity.Major, 1),
        ];

        var output = Virtual.Run(verdicts.Select(v => (v.At, v)), (s, _) => s.WhenHeldFor(TimeSpan.FromMinutes(5), TimeSpan.Zero, TimeSpan.FromMinutes(10)));

        var raise = Assert.Single(output);
        Assert.Equal(T0.AddMinutes(45), raise.Value.At);
        Assert.Equal(T0.AddMinutes(40), raise.Value.Since);
    }

    [Fact]
    public void Arguments_are_checked_when_the_operator_is_applied()
    {
        var source = Observable.Never<Sample>();

        Assert.Throws<ArgumentNullException>(() => ((IObservable<Sample>)null!).WhenAboveFor(1, TimeSpan.Zero, 0, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.WhenAboveFor(10, TimeSpan.Zero, 12, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.WhenAboveFor(10, TimeSpan.FromMinutes(-1), 8, TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => source.WhenAboveLevelsFor([new(20, AlertSeverity.Major), new(10, AlertSeverity.Critical)], TimeSpan.Zero, 5, TimeSpan.Zero));
    }

    [Fact]
    public void Each_subscription_has_its_own_state()
    {
        var shared = Observable.Range(0, 10).Select(i => new Sample(T0.AddMinutes(i), 50)).WhenAboveFor(10, TimeSpan.FromMinutes(3), 5, TimeSpan.Zero);

        Assert.Single(shared.ToEnumerable());
        Assert.Single(shared.ToEnumerable());
    }
}
