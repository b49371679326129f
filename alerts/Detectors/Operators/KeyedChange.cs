namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>A condition change tagged with which of several parallel conditions it belongs to.</summary>
/// <param name="Key">Which condition (e.g. the sensor field).</param>
/// <param name="Change">Its change.</param>
public readonly record struct KeyedChange(string Key, ConditionChange Change);
