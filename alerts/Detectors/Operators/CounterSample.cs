namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>A cumulative counter with the rate that should drive it, at device time.</summary>
/// <param name="At">Device time.</param>
/// <param name="Counter">The counter (e.g. lifetime energy, kWh).</param>
/// <param name="RatePerHour">What the counter should grow by per hour right now (e.g. AC power, kW).</param>
public readonly record struct CounterSample(DateTimeOffset At, double Counter, double RatePerHour);
