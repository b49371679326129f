namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// The per-sensor state of <see cref="FlatLineOperators.FlatLine"/>: the run's anchor value and start, and the last
/// sample's time. A mutable struct (see <see cref="ConditionTracker"/>): keep it in a field and call <see cref="Judge"/>
/// on that.
/// </summary>
internal struct FlatLineJudge
{
    private double _anchor;
    private DateTimeOffset _runStart;
    private DateTimeOffset _last;

    public FlatLineJudge()
    {
        _anchor = double.NaN;
        _runStart = DateTimeOffset.MinValue;
        _last = DateTimeOffset.MinValue;
    }

    public Verdict Judge(in Sample s, TimeSpan window, double epsilon, AlertSeverity severity, TimeSpan? maxGap)
    {
        var gapped = maxGap is { } gap && s.At - _last > gap;
        _last = s.At;
        if (double.IsNaN(_anchor) || double.IsNaN(s.Value) || Math.Abs(s.Value - _anchor) > epsilon || gapped)
        {
            _anchor = s.Value;
            _runStart = s.At;
            return Verdict.Clear(s.At, s.Value);
        }

        return s.At - _runStart >= window ? Verdict.Raise(s.At, severity, s.Value) : Verdict.Hold(s.At, s.Value);
    }
}
