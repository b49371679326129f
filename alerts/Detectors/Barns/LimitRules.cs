using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// Limit rules with duration and hysteresis: NH3, H2S, CO2 (<c>barn.*.high</c>), temperature high and low, humidity.
/// Limits are per species and stage with the barn's registry overrides (<see cref="BarnLimits"/>).
/// </summary>
internal static class LimitRules
{
    public static IObservable<AlertSignal> Gas(
        Barn barn, IObservable<BarnReading> readings, Func<BarnReading, double?> field, string name, double limit, double critical,
        TimeSpan duration, BarnAlertOptions o, string rule) =>
        readings
            .Where(r => field(r) is not null)
            .Select(r => new Sample(r.Timestamp, field(r)!.Value))
            .WhenAboveLevelsFor(
                [new Level(limit, AlertSeverity.Major), new Level(Math.Max(critical, limit * 1.25), AlertSeverity.Critical)],
                duration,
                o.GasClearFraction * limit,
                TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                rule,
                c => $"{name}超标：{AlertText.N(c.Value)} ppm（限值 {AlertText.N(limit)} ppm），自 {AlertText.Time(c.Since)} 起已 {AlertText.Duration(c.At - c.Since)}",
                c => AlertText.Cleared(name, c.Since));

    public static IObservable<AlertSignal> TemperatureHigh(Barn barn, IObservable<BarnReading> readings, double limit, BarnAlertOptions o) =>
        readings
            .Select(r => new Sample(r.Timestamp, r.TempC))
            .WhenAboveLevelsFor(
                [new Level(limit, AlertSeverity.Major), new Level(limit + o.TemperatureCriticalMarginC, AlertSeverity.Critical)],
                TimeSpan.FromMinutes(o.TemperatureDurationMinutes),
                limit - o.TemperatureHysteresisC,
                TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnTemperatureHigh,
                c => $"舍内温度过高：{AlertText.N(c.Value)} °C（上限 {AlertText.N(limit)} °C），自 {AlertText.Time(c.Since)} 起",
                c => AlertText.Cleared("舍内温度", c.Since));

    public static IObservable<AlertSignal> TemperatureLow(Barn barn, IObservable<BarnReading> readings, double limit, BarnAlertOptions o) =>
        readings
            .Select(r => new Sample(r.Timestamp, r.TempC))
            .WhenBelowFor(limit, TimeSpan.FromMinutes(o.TemperatureDurationMinutes), limit + o.TemperatureHysteresisC, TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnTemperatureLow,
                c => $"舍内温度过低：{AlertText.N(c.Value)} °C（下限 {AlertText.N(limit)} °C），自 {AlertText.Time(c.Since)} 起",
                c => AlertText.Cleared("舍内温度", c.Since));

    public static IObservable<AlertSignal> Humidity(Barn barn, IObservable<BarnReading> readings, double limit, BarnAlertOptions o) =>
        readings
            .Select(r => new Sample(r.Timestamp, r.HumidityPct))
            .WhenAboveFor(limit, TimeSpan.FromMinutes(o.HumidityDurationMinutes), limit - o.HumidityHysteresisPct, TimeSpan.FromMinutes(o.ClearAfterMinutes), AlertSeverity.Minor)
            .ToSignals(
                barn,
                AlertRules.BarnHumidityHigh,
                c => $"舍内湿度过高：{AlertText.N(c.Value, 0)}%（上限 {AlertText.N(limit, 0)}%），自 {AlertText.Time(c.Since)} 起",
                c => AlertText.Cleared("舍内湿度", c.Since));

    public static IObservable<AlertSignal> HeatStress(Barn barn, IObservable<BarnReading> readings, BarnLimits l, BarnAlertOptions o) =>
        readings
            .Select(r => new Sample(r.Timestamp, ThermalIndex.Of(l.Thi, r.TempC, r.HumidityPct)))
            .WhenAboveLevelsFor(
                [new Level(l.ThiAlert, AlertSeverity.Minor), new Level(l.ThiDanger, AlertSeverity.Major), new Level(l.ThiEmergency, AlertSeverity.Critical)],
                TimeSpan.FromMinutes(o.ThiDurationMinutes),
                l.ThiRecovery + 1e-9,
                TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnHeatStress,
                c => $"热应激（{Band(c.Severity)}）：温湿指数 THI {AlertText.N(c.Value)}（{(l.Thi == ThiFormula.Sheep ? "羊" : "牛")}，警戒 {AlertText.N(l.ThiAlert)}），自 {AlertText.Time(c.Since)} 起",
                c => $"热应激已解除（THI ≤ {AlertText.N(l.ThiRecovery)} 自 {AlertText.Time(c.Since)} 起）");

    private static string Band(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "紧急",
        AlertSeverity.Major => "危险",
        _ => "警戒",
    };
}
