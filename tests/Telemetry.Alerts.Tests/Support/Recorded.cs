namespace Telemetry.Alerts.Tests.Support;

/// <summary>An output and the virtual time it was emitted at.</summary>
internal readonly record struct Recorded<T>(DateTimeOffset At, T Value);
