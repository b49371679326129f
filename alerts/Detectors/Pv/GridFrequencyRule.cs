using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.grid_frequency</c>: a grid-trip fault code, or the measured frequency out of band, for the configured duration;
/// the clear waits long, as for <see cref="GridVoltageRule"/>.
/// </summary>
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct GridFrequencyRule(GridOptions o)
{
    private ConditionTracker _tracker = new(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);
    private string _what = "";

    public AlertSignal? Apply(Station station, PvReading r, GridOptions o)
    {
        var code = PvFaultCodes.First(r.Faults, PvFaultCategory.GridFrequency);
        var f = r.FrequencyHz ?? double.NaN;
        Verdict verdict;
        if (code is not null || f >= o.MaxFrequencyHz || f <= o.MinFrequencyHz)
        {
            _what = code is { } k ? $"故障码 {PvFaultCodes.NameOf(k)}" : f >= o.MaxFrequencyHz ? "电网过频" : "电网欠频";
            verdict = Verdict.Raise(r.Timestamp, AlertSeverity.Major, f);
        }
        else
        {
            verdict = double.IsNaN(f) || (f < o.MaxFrequencyHz - 0.05 && f > o.MinFrequencyHz + 0.05) ? Verdict.Clear(r.Timestamp, f) : Verdict.Hold(r.Timestamp, f);
        }

        return _tracker.Apply(verdict) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvGridFrequency, c.Active
                ? $"电网频率异常（{_what}）：{AlertText.N(c.Value, 2)} Hz，允许 {AlertText.N(o.MinFrequencyHz, 2)}–{AlertText.N(o.MaxFrequencyHz, 2)} Hz，自 {AlertText.Time(c.Since)} 起"
                : AlertText.Cleared("电网频率", c.Since));
    }
}
