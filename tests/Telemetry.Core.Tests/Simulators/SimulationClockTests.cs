using Telemetry.Simulators.Clock;

namespace Telemetry.Core.Tests.Simulators;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset RealStart = new(2026, 6, 21, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UtcNow_FastForwardFromAnHourAgo_RunsSixtyTimesFasterThenFollowsRealTime()
    {
        var time = new ManualTimeProvider(RealStart);
        var clock = new SimulationClock(time, RealStart.AddHours(-1), speed: 60);

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(RealStart.AddHours(-1).AddMinutes(30), clock.UtcNow);

        time.Advance(TimeSpan.FromSeconds(30)); // 60 s real: 03:00 + 60 min = 04:00, still behind real 04:01
        Assert.Equal(RealStart, clock.UtcNow);

        time.Advance(TimeSpan.FromSeconds(2)); // catch-up at 61.02 s (3600 s / 59): from then on, real time
        Assert.Equal(time.GetUtcNow(), clock.UtcNow);

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(time.GetUtcNow(), clock.UtcNow);
    }

    [Fact]
    public void UtcNow_AtAnySpeed_NeverAheadOfRealTime()
    {
        var time = new ManualTimeProvider(RealStart);
        var clock = new SimulationClock(time, RealStart.AddMinutes(-10), speed: 10_000);

        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(37));
            Assert.True(clock.UtcNow <= time.GetUtcNow());
        }
    }

    [Fact]
    public void RealInstantOf_PastAndFutureSimulatedInstants_WhenTheClockGetsThere()
    {
        var time = new ManualTimeProvider(RealStart);
        var clock = new SimulationClock(time, RealStart.AddHours(-1), speed: 60);

        Assert.Equal(RealStart.AddSeconds(30), clock.RealInstantOf(RealStart.AddMinutes(-30)));
        var future = RealStart.AddMinutes(5);
        Assert.Equal(future, clock.RealInstantOf(future)); // beyond the catch-up point only real time gets there
    }

    [Fact]
    public void UtcNow_RealTimeSpeed_IsTheRealClock()
    {
        var time = new ManualTimeProvider(RealStart);
        var clock = new SimulationClock(time, RealStart, speed: 1);

        time.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(time.GetUtcNow(), clock.UtcNow);
    }
}
