using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.over_temperature</c>: inverter internal temperature at or above the Major/Critical levels for the duration,
/// with hysteresis; the over-temperature fault code (2063) counts as reaching the Major level.
/// </summary>
internal static class OverTemperatureRule
{
    public static IObservable<AlertSignal> Detect(Station station, IObservable<PvReading> readings, OverTemperatureOptions o) =>
        readings
            .Where(r => r.InverterTempC is not null || r.Faults.Length > 0)
            .Select(r =>
            {
                var t = r.InverterTempC ?? double.NaN;
                return PvFaultCodes.First(r.Faults, PvFaultCategory.OverTemperature) is null || t >= o.MajorC
                    ? new Sample(r.Timestamp, t)
                    : new Sample(r.Timestamp, o.MajorC);
            })
            .WhenAboveLevelsFor(
                [new Level(o.MajorC, AlertSeverity.Major), new Level(o.CriticalC, AlertSeverity.Critical)],
                TimeSpan.FromMinutes(o.DurationMinutes),
                o.ClearBelowC,
                TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                station,
                AlertRules.PvOverTemperature,
                c => $"逆变器过温：机内温度 {AlertText.N(c.Value)} °C（限值 {AlertText.N(c.Severity == AlertSeverity.Critical ? o.CriticalC : o.MajorC, 0)} °C），自 {AlertText.Time(c.Since)} 起",
                c => AlertText.Cleared("逆变器温度", c.Since));
}
