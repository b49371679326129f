using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.grid_voltage</c>: a grid-trip fault code, or the measured phase voltage out of band, for the configured
/// duration. The clear waits long (trips on weak rural feeders recur as the inverter reconnects), so one episode is one
/// alert.
/// </summary>
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct GridVoltageRule(GridOptions o)
{
    private ConditionTracker _tracker = new(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);
    private string _what = "";

    public AlertSignal? Apply(Station station, PvReading r, GridOptions o)
    {
        var nominal = station.Class == StationClass.National ? o.PlantNominalV : o.LowVoltageNominalV;
        var high = o.OverVoltageRatio * nominal;
        var low = o.UnderVoltageRatio * nominal;
        var margin = 0.02 * nominal;
        var code = PvFaultCodes.First(r.Faults, PvFaultCategory.GridVoltage);
        var v = r.AcVoltage ?? double.NaN;
        Verdict verdict;
        if (code is not null || v >= high || v <= low)
        {
            _what = code is { } k ? $"故障码 {PvFaultCodes.NameOf(k)}" : v >= high ? "电网过压" : "电网欠压";
            verdict = Verdict.Raise(r.Timestamp, AlertSeverity.Major, v);
        }
        else
        {
            verdict = double.IsNaN(v) || (v < high - margin && v > low + margin) ? Verdict.Clear(r.Timestamp, v) : Verdict.Hold(r.Timestamp, v);
        }

        return _tracker.Apply(verdict) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvGridVoltage, c.Active
                ? $"并网电压异常（{_what}）：相电压 {AlertText.N(c.Value)} V，额定 {AlertText.N(nominal, 0)} V，允许 {AlertText.N(low, 0)}–{AlertText.N(high, 0)} V，自 {AlertText.Time(c.Since)} 起"
                : AlertText.Cleared("并网电压", c.Since));
    }
}
