namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Two amounts reported together at device time (e.g. water and feed since the previous reading).</summary>
/// <param name="At">Device time.</param>
/// <param name="First">First amount.</param>
/// <param name="Second">Second amount.</param>
public readonly record struct PairSample(DateTimeOffset At, double First, double Second);
