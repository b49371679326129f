namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// The per-device state of <see cref="CounterOperators.WhenCounterBackwards"/>: the previous counter value. A mutable
/// struct (see <see cref="ConditionTracker"/>): keep it in a field and call <see cref="Judge"/> on that.
/// </summary>
internal struct CounterBackwards
{
    private double _previous;

    public CounterBackwards() => _previous = double.NaN;

    public Verdict Judge(in CounterSample s, double tolerance, AlertSeverity severity)
    {
        var step = s.Counter - _previous;
        _previous = s.Counter;
        return step < -tolerance ? Verdict.Raise(s.At, severity, step) : Verdict.Clear(s.At, double.IsNaN(step) ? 0 : step);
    }
}
