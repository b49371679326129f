using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Tests.Support;

namespace Telemetry.Alerts.Tests.Operators;

public sealed class LivenessOperatorsTests
{
    private static readonly DateTimeOffset T0 = Virtual.Start;
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private static List<Recorded<ConditionChange>> Offline(params (double Minute, Liveness Event)[] events) =>
        Virtual.Run(events.Select(e => (T0.AddMinutes(e.Minute), e.Event)), (s, scheduler) => s.WhenOffline(Silence, Grace, AlertSeverity.Major, scheduler), T0.AddHours(2));

    [Fact]
    public void Silence_longer_than_the_limit_raises_on_the_wall_clock_and_the_next_reading_clears()
    {
        var output = Offline((0, Liveness.Reading), (1, Liveness.Reading), (2, Liveness.Reading), (30, Liveness.Reading), (31, Liveness.Reading));

        Assert.Equal([true, false, true], output.Select(o => o.Value.Active)); // the last one: silent again after minute 31
        Assert.Equal(T0.AddMinutes(36), output[2].At);
        Assert.Equal(T0.AddMinutes(7), output[0].At);
        Assert.Equal(T0.AddMinutes(2), output[0].Value.Since);
        Assert.False(output[1].Value.Active);
        Assert.Equal(T0.AddMinutes(30), output[1].At);
    }

    [Fact]
    public void Regular_readings_never_raise()
    {
        var output = Offline([.. Enumerable.Range(0, 100).Select(i => ((double)i, Liveness.Reading))]);

        Assert.Single(output); // only the silence after the last reading, at minute 104
        Assert.Equal(T0.AddMinutes(104), output[0].At);
    }

    [Fact]
    public void A_Last_Will_raises_after_the_grace_unless_the_device_comes_back()
    {
        var gone = Offline((0, Liveness.Reading), (0.5, Liveness.Offline));
        var back = Offline((0, Liveness.Reading), (0.5, Liveness.Offline), (1.5, Liveness.Online), (2, Liveness.Reading), (3, Liveness.Reading), (4, Liveness.Reading));

        Assert.Equal(T0.AddMinutes(2.5), gone[0].At);
        Assert.True(gone[0].Value.Active);
        Assert.Equal(T0.AddMinutes(9), back[0].At); // only the final silence, never the Last Will
    }

    [Fact]
    public void A_device_that_never_reported_raises_nothing()
    {
        var output = Virtual.Run(Array.Empty<(DateTimeOffset, Liveness)>(), (s, scheduler) => s.WhenOffline(Silence, Grace, AlertSeverity.Major, scheduler), T0.AddHours(5));

        Assert.Empty(output);
    }

    [Fact]
    public void A_buffered_replay_after_an_outage_clears_once()
    {
        var events = new List<(DateTimeOffset, Liveness)> { (T0, Liveness.Reading) };
        events.AddRange(Enumerable.Range(0, 60).Select(_ => (T0.AddMinutes(60), Liveness.Reading))); // backlog arrives at once

        var output = Virtual.Run(events, (s, scheduler) => s.WhenOffline(Silence, Grace, AlertSeverity.Major, scheduler), T0.AddMinutes(62));

        Assert.Equal([true, false], output.Select(o => o.Value.Active));
    }

    [Fact]
    public void WhenSilentFor_measures_from_the_last_element()
    {
        var output = Virtual.Run([(T0, 1), (T0.AddMinutes(3), 2)], (s, scheduler) => s.WhenSilentFor(TimeSpan.FromMinutes(10), scheduler), T0.AddMinutes(30));

        var raise = Assert.Single(output);
        Assert.Equal(T0.AddMinutes(13), raise.At);
    }
}
