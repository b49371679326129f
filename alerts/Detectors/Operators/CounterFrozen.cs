namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// The per-device state of <see cref="CounterOperators.WhenCounterFrozen"/>: where the counter last moved, and the
/// energy expected since. A mutable struct (see <see cref="ConditionTracker"/>): keep it in a field and call
/// <see cref="Judge"/> on that.
/// </summary>
internal struct CounterFrozen
{
    private double _anchor;
    private DateTimeOffset _anchorAt;
    private CounterSample _last;
    private double _expected;

    public CounterFrozen() => _anchor = double.NaN;

    public Verdict Judge(in CounterSample s, TimeSpan minDuration, double minExpected, double resolution, AlertSeverity severity)
    {
        if (double.IsNaN(_anchor) || Math.Abs(s.Counter - _anchor) > resolution)
        {
            _anchor = s.Counter;
            _anchorAt = s.At;
            _last = s;
            _expected = 0;
            return Verdict.Clear(s.At, 0);
        }

        _expected += Math.Max(0, (_last.RatePerHour + s.RatePerHour) / 2) * (s.At - _last.At).TotalHours;
        _last = s;
        return _expected >= minExpected && s.At - _anchorAt >= minDuration
            ? Verdict.Raise(s.At, severity, _expected)
            : Verdict.Hold(s.At, _expected);
    }
}
