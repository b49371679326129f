namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>A raise threshold and the severity it stands for.</summary>
/// <param name="Threshold">Values at or beyond this raise the condition.</param>
/// <param name="Severity">Severity at this level.</param>
public readonly record struct Level(double Threshold, AlertSeverity Severity);
