namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>The instantaneous judgement of one sample; <see cref="ConditionOperators.WhenHeldFor"/> debounces them.</summary>
/// <param name="At">Device time of the sample.</param>
/// <param name="Kind">Raise, hold or clear.</param>
/// <param name="Severity">Severity of a raise; ignored otherwise.</param>
/// <param name="Value">The value that was judged, carried into the resulting change for messages.</param>
public readonly record struct Verdict(DateTimeOffset At, VerdictKind Kind, AlertSeverity Severity, double Value)
{
    /// <summary>The condition holds at this sample with <paramref name="severity"/>.</summary>
    public static Verdict Raise(DateTimeOffset at, AlertSeverity severity, double value) => new(at, VerdictKind.Raise, severity, value);

    /// <summary>Neither raise nor clear (hysteresis band, or not judgeable).</summary>
    public static Verdict Hold(DateTimeOffset at, double value) => new(at, VerdictKind.Hold, default, value);

    /// <summary>The condition does not hold at this sample.</summary>
    public static Verdict Clear(DateTimeOffset at, double value) => new(at, VerdictKind.Clear, default, value);
}
