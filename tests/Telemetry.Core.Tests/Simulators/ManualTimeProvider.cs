namespace Telemetry.Core.Tests.Simulators;

/// <summary>A clock the test moves by hand (no timers: only for code that reads the time).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
