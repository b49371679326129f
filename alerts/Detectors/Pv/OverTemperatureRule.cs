using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.over_temperature</c>: inverter internal temperature at or above the Major/Critical levels for the duration,
/// with hysteresis; the over-temperature fault code (2063) counts as reaching the Major level.
/// </summary>
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct OverTemperatureRule(OverTemperatureOptions o)
{
    private ConditionTracker _tracker = new(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);

    /// <summary>The levels, checked once and shared by every station.</summary>
    public static Level[] Levels(OverTemperatureOptions o) =>
        ConditionOperators.CheckLevels([new Level(o.MajorC, AlertSeverity.Major), new Level(o.CriticalC, AlertSeverity.Critical)], o.ClearBelowC, ascending: true);

    public AlertSignal? Apply(Station station, PvReading r, OverTemperatureOptions o, Level[] levels)
    {
        if (r.InverterTempC is null && r.Faults.Length == 0)
        {
            return null;
        }

        var t = r.InverterTempC ?? double.NaN;
        var sample = PvFaultCodes.First(r.Faults, PvFaultCategory.OverTemperature) is null || t >= o.MajorC
            ? new Sample(r.Timestamp, t)
            : new Sample(r.Timestamp, o.MajorC);
        return _tracker.Apply(ConditionOperators.Judge(sample, levels, o.ClearBelowC, above: true)) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvOverTemperature, c.Active
                ? $"逆变器过温：机内温度 {AlertText.N(c.Value)} °C（限值 {AlertText.N(c.Severity == AlertSeverity.Critical ? o.CriticalC : o.MajorC, 0)} °C），自 {AlertText.Time(c.Since)} 起"
                : AlertText.Cleared("逆变器温度", c.Since));
    }
}
