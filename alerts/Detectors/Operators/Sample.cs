namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>One measured value at device time (event time), the input of the threshold operators.</summary>
/// <param name="At">Device time of the measurement.</param>
/// <param name="Value">The value.</param>
public readonly record struct Sample(DateTimeOffset At, double Value);
