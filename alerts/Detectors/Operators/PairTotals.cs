namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Sums of the two amounts over a trailing window of device time.</summary>
/// <param name="At">Device time of the newest sample.</param>
/// <param name="First">Sum of the first amount over the window.</param>
/// <param name="Second">Sum of the second amount over the window.</param>
/// <param name="Covered">Span from the oldest to the newest sample in the window (less than the window until it filled).</param>
/// <param name="Count">Samples in the window.</param>
public readonly record struct PairTotals(DateTimeOffset At, double First, double Second, TimeSpan Covered, int Count);
