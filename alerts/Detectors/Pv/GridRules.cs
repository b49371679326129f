using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.grid_voltage</c> and <c>pv.grid_frequency</c>: a grid-trip fault code, or the measured phase voltage or
/// frequency out of band, for the configured duration. The clear waits long (trips on weak rural feeders recur as the
/// inverter reconnects), so one episode is one alert.
/// </summary>
internal static class GridRules
{
    public static IObservable<AlertSignal> Voltage(Station station, IObservable<PvReading> readings, GridOptions o)
    {
        var nominal = station.Class == StationClass.National ? o.PlantNominalV : o.LowVoltageNominalV;
        var high = o.OverVoltageRatio * nominal;
        var low = o.UnderVoltageRatio * nominal;
        var margin = 0.02 * nominal;
        return Observable.Defer(() =>
        {
            var what = "";
            return readings
                .Select(r =>
                {
                    var code = PvFaultCodes.First(r.Faults, PvFaultCategory.GridVoltage);
                    var v = r.AcVoltage ?? double.NaN;
                    if (code is not null || v >= high || v <= low)
                    {
                        what = code is { } c ? $"故障码 {PvFaultCodes.NameOf(c)}" : v >= high ? "电网过压" : "电网欠压";
                        return Verdict.Raise(r.Timestamp, AlertSeverity.Major, v);
                    }

                    return double.IsNaN(v) || (v < high - margin && v > low + margin) ? Verdict.Clear(r.Timestamp, v) : Verdict.Hold(r.Timestamp, v);
                })
                .WhenHeldFor(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes))
                .ToSignals(
                    station,
                    AlertRules.PvGridVoltage,
                    c => $"并网电压异常（{what}）：相电压 {AlertText.N(c.Value)} V，额定 {AlertText.N(nominal, 0)} V，允许 {AlertText.N(low, 0)}–{AlertText.N(high, 0)} V，自 {AlertText.Time(c.Since)} 起",
                    c => AlertText.Cleared("并网电压", c.Since));
        });
    }

    public static IObservable<AlertSignal> Frequency(Station station, IObservable<PvReading> readings, GridOptions o) =>
        Observable.Defer(() =>
        {
            var what = "";
            return readings
                .Select(r =>
                {
                    var code = PvFaultCodes.First(r.Faults, PvFaultCategory.GridFrequency);
                    var f = r.FrequencyHz ?? double.NaN;
                    if (code is not null || f >= o.MaxFrequencyHz || f <= o.MinFrequencyHz)
                    {
                        what = code is { } c ? $"故障码 {PvFaultCodes.NameOf(c)}" : f >= o.MaxFrequencyHz ? "电网过频" : "电网欠频";
                        return Verdict.Raise(r.Timestamp, AlertSeverity.Major, f);
                    }

                    return double.IsNaN(f) || (f < o.MaxFrequencyHz - 0.05 && f > o.MinFrequencyHz + 0.05) ? Verdict.Clear(r.Timestamp, f) : Verdict.Hold(r.Timestamp, f);
                })
                .WhenHeldFor(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes))
                .ToSignals(
                    station,
                    AlertRules.PvGridFrequency,
                    c => $"电网频率异常（{what}）：{AlertText.N(c.Value, 2)} Hz，允许 {AlertText.N(o.MinFrequencyHz, 2)}–{AlertText.N(o.MaxFrequencyHz, 2)} Hz，自 {AlertText.Time(c.Since)} 起",
                    c => AlertText.Cleared("电网频率", c.Since));
        });
}
