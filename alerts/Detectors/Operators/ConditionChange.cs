namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>A transition of a debounced condition: raised, escalated (active again with a higher severity) or cleared.</summary>
/// <param name="Active">True for a raise or escalation, false for a clear.</param>
/// <param name="Severity">Severity while active; for a clear, the severity it had.</param>
/// <param name="At">Device time at which the transition was established (the duration had elapsed).</param>
/// <param name="Since">Device time at which the raise or clear condition began to hold.</param>
/// <param name="Value">The value of the sample that established the transition.</param>
public readonly record struct ConditionChange(bool Active, AlertSeverity Severity, DateTimeOffset At, DateTimeOffset Since, double Value);
