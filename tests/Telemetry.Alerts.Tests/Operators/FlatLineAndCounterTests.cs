using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Tests.Support;

namespace Telemetry.Alerts.Tests.Operators;

public sealed class FlatLineAndCounterTests
{
    private static readonly DateTimeOffset T0 = Virtual.Start;

    [Fact]
    public void FlatLine_raises_when_the_value_repeats_for_the_window_and_clears_when_it_moves()
    {
        var values = Enumerable.Range(0, 200).Select(i => i < 20 ? 20 + (i * 0.1) : i < 150 ? 21.7 : 22.5).ToArray();

        var output = Virtual.Run(values.Select((v, i) => (T0.AddMinutes(i), new Sample(T0.AddMinutes(i), v))), (s, _) => s.FlatLine(TimeSpan.FromMinutes(60), 0));

        Assert.Equal([true, false], output.Select(o => o.Value.Active));
        Assert.Equal(T0.AddMinutes(80), output[0].Value.At); // 21.7 from minute 20, one hour later
        Assert.Equal(T0.AddMinutes(150), output[1].Value.At);
    }

    [Fact]
    public void FlatLine_does_not_raise_for_a_value_that_keeps_moving()
    {
        var output = Virtual.Run(
            Enumerable.Range(0, 500).Select(i => (T0.AddMinutes(i), new Sample(T0.AddMinutes(i), Math.Round(20 + Math.Sin(i / 20.0), 1)))),
            (s, _) => s.FlatLine(TimeSpan.FromMinutes(60), 0));

        Assert.Empty(output);
    }

    [Fact]
    public void Counter_going_backwards_raises_at_once_and_clears_after_it_behaved()
    {
        var counter = new[] { 100.0, 100.5, 101, 0.2, 0.4, 0.9, 1.5, 2.0 };
        var input = counter.Select((c, i) => (T0.AddMinutes(i * 20), new CounterSample(T0.AddMinutes(i * 20), c, 3)));

        var output = Virtual.Run(input, (s, _) => s.WhenCounterBackwards(0.05, TimeSpan.FromMinutes(60)));

        Assert.Equal([true, false], output.Select(o => o.Value.Active));
        Assert.Equal(T0.AddMinutes(60), output[0].Value.At);
        Assert.Equal(-100.8, output[0].Value.Value, 3);
        Assert.Equal(T0.AddMinutes(140), output[1].Value.At); // clean from minute 80, one hour later
    }

    [Fact]
    public void Frozen_counter_raises_only_while_the_rate_says_it_should_move()
    {
        // 10:00–11:00 frozen at 50 kW; then night-like zero power with a frozen counter; then it moves again.
        var input = new List<(DateTimeOffset, CounterSample)>();
        for (var i = 0; i <= 120; i += 5)
        {
            var at = T0.AddMinutes(i);
            input.Add((at, new CounterSample(at, i <= 90 ? 1000 : 1000 + i, 50)));
        }

        var night = Enumerable.Range(0, 40).Select(i => T0.AddHours(5).AddMinutes(i * 5)).Select(at => (at, new CounterSample(at, 2000, 0)));

        var frozen = Virtual.Run(input, (s, _) => s.WhenCounterFrozen(TimeSpan.FromMinutes(30), 0.2, 0.005));
        var dark = Virtual.Run(night, (s, _) => s.WhenCounterFrozen(TimeSpan.FromMinutes(30), 0.2, 0.005));

        Assert.Equal([true, false], frozen.Select(o => o.Value.Active));
        Assert.Equal(T0.AddMinutes(30), frozen[0].Value.At);
        Assert.Equal(T0.AddMinutes(95), frozen[1].Value.At);
        Assert.Empty(dark);
    }
}
