namespace Telemetry.Alerts.Tests.Support;

/// <summary>A wall clock standing at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
