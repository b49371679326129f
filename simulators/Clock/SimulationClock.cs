namespace Telemetry.Simulators.Clock;

/// <summary>
/// Simulated time: starts at a chosen instant and runs <c>speed</c> times faster than the real clock until it has
/// caught up with real time, then follows it. It is never ahead of real time, so the service never sees readings from
/// the future (ingest rejects timestamps more than a few minutes ahead).
/// </summary>
internal sealed class SimulationClock
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _realStart;
    private readonly DateTimeOffset _simStart;
    private readonly double _speed;

    public SimulationClock(TimeProvider time, DateTimeOffset simulatedStart, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        _time = time;
        _realStart = time.GetUtcNow();
        _simStart = simulatedStart;
        _speed = speed;
    }

    public DateTimeOffset Start => _simStart;

    public double Speed => _speed;

    public DateTimeOffset UtcNow
    {
        get
        {
            var real = _time.GetUtcNow();
            var fast = _simStart + ((real - _realStart) * _speed);
            return fast < real ? fast : real;
        }
    }

    /// <summary>The real instant at which simulated time reaches <paramref name="simulated"/>.</summary>
    public DateTimeOffset RealInstantOf(DateTimeOffset simulated)
    {
        var fast = _realStart + ((simulated - _simStart) / _speed);
        return fast > simulated ? fast : simulated;
    }

    /// <summary>Completes when simulated time has reached <paramref name="simulated"/>.</summary>
    public Task DelayUntilAsync(DateTimeOffset simulated, CancellationToken cancellationToken)
    {
        var wait = RealInstantOf(simulated) - _time.GetUtcNow();
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }
}
