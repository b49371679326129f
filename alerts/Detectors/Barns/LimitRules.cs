using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// Limit rules with duration and hysteresis: NH3, H2S, CO2 (<c>barn.*.high</c>), temperature high and low, humidity,
/// heat stress (THI). Limits are per species and stage with the barn's registry overrides (<see cref="BarnLimits"/>);
/// a rule without a limit is off.
/// </summary>
/// <remarks>One barn's state (a mutable struct held by <see cref="BarnDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct LimitRules
{
    private LevelRule _nh3;
    private LevelRule _h2s;
    private LevelRule _co2;
    private LevelRule _high;
    private LevelRule _low;
    private LevelRule _humidity;
    private LevelRule _heat;

    public LimitRules(BarnLimits l, BarnAlertOptions o)
    {
        var gas = TimeSpan.FromMinutes(o.GasDurationMinutes);
        var clear = TimeSpan.FromMinutes(o.ClearAfterMinutes);
        var temperature = TimeSpan.FromMinutes(o.TemperatureDurationMinutes);
        _nh3 = l.Nh3MaxPpm is { } nh3 ? Gas(nh3, o.Nh3CriticalPpm, gas, o) : default;
        _h2s = l.H2sMaxPpm is { } h2s ? Gas(h2s, o.H2sCriticalPpm, TimeSpan.FromMinutes(o.H2sDurationMinutes), o) : default;
        _co2 = l.Co2MaxPpm is { } co2 ? Gas(co2, o.Co2CriticalPpm, gas, o) : default;
        _high = l.TempMaxC is { } tMax
            ? LevelRule.Above([new Level(tMax, AlertSeverity.Major), new Level(tMax + o.TemperatureCriticalMarginC, AlertSeverity.Critical)], tMax - o.TemperatureHysteresisC, temperature, clear)
            : default;
        _low = l.TempMinC is { } tMin ? LevelRule.Below(tMin, tMin + o.TemperatureHysteresisC, temperature, clear) : default;
        _humidity = l.HumidityMaxPct is { } rh
            ? LevelRule.Above([new Level(rh, AlertSeverity.Minor)], rh - o.HumidityHysteresisPct, TimeSpan.FromMinutes(o.HumidityDurationMinutes), clear)
            : default;
        _heat = l.Thi != ThiFormula.None
            ? LevelRule.Above(
                [new Level(l.ThiAlert, AlertSeverity.Minor), new Level(l.ThiDanger, AlertSeverity.Major), new Level(l.ThiEmergency, AlertSeverity.Critical)],
                l.ThiRecovery + 1e-9,
                TimeSpan.FromMinutes(o.ThiDurationMinutes),
                clear)
            : default;
    }

    /// <summary>Applies one reading to every rule that is on, in the order NH3, H2S, CO2, high, low, humidity, THI.</summary>
    public void Apply(Barn barn, BarnReading r, BarnLimits l, DeviceDetectors output)
    {
        Gas(ref _nh3, barn, r, r.Nh3Ppm, "氨气(NH3)", l.Nh3MaxPpm, AlertRules.BarnNh3High, output);
        Gas(ref _h2s, barn, r, r.H2sPpm, "硫化氢(H2S)", l.H2sMaxPpm, AlertRules.BarnH2sHigh, output);
        Gas(ref _co2, barn, r, r.Co2Ppm, "二氧化碳(CO2)", l.Co2MaxPpm, AlertRules.BarnCo2High, output);
        if (_high.Apply(new Sample(r.Timestamp, r.TempC)) is { } high)
        {
            var limit = l.TempMaxC!.Value;
            output.Emit(high.ToSignal(barn, AlertRules.BarnTemperatureHigh, high.Active
                ? $"舍内温度过高：{AlertText.N(high.Value)} °C（上限 {AlertText.N(limit)} °C），自 {AlertText.Time(high.Since)} 起"
                : AlertText.Cleared("舍内温度", high.Since)));
        }

        if (_low.Apply(new Sample(r.Timestamp, r.TempC)) is { } low)
        {
            var limit = l.TempMinC!.Value;
            output.Emit(low.ToSignal(barn, AlertRules.BarnTemperatureLow, low.Active
                ? $"舍内温度过低：{AlertText.N(low.Value)} °C（下限 {AlertText.N(limit)} °C），自 {AlertText.Time(low.Since)} 起"
                : AlertText.Cleared("舍内温度", low.Since)));
        }

        if (_humidity.Apply(new Sample(r.Timestamp, r.HumidityPct)) is { } rh)
        {
            var limit = l.HumidityMaxPct!.Value;
            output.Emit(rh.ToSignal(barn, AlertRules.BarnHumidityHigh, rh.Active
                ? $"舍内湿度过高：{AlertText.N(rh.Value, 0)}%（上限 {AlertText.N(limit, 0)}%），自 {AlertText.Time(rh.Since)} 起"
                : AlertText.Cleared("舍内湿度", rh.Since)));
        }

        if (_heat.On && _heat.Apply(new Sample(r.Timestamp, ThermalIndex.Of(l.Thi, r.TempC, r.HumidityPct))) is { } c)
        {
            output.Emit(c.ToSignal(barn, AlertRules.BarnHeatStress, c.Active
                ? $"热应激（{Band(c.Severity)}）：温湿指数 THI {AlertText.N(c.Value)}（{(l.Thi == ThiFormula.Sheep ? "羊" : "牛")}，警戒 {AlertText.N(l.ThiAlert)}），自 {AlertText.Time(c.Since)} 起"
                : $"热应激已解除（THI ≤ {AlertText.N(l.ThiRecovery)} 自 {AlertText.Time(c.Since)} 起）"));
        }
    }

    private static LevelRule Gas(double limit, double critical, TimeSpan duration, BarnAlertOptions o) =>
        LevelRule.Above(
            [new Level(limit, AlertSeverity.Major), new Level(Math.Max(critical, limit * 1.25), AlertSeverity.Critical)],
            o.GasClearFraction * limit,
            duration,
            TimeSpan.FromMinutes(o.ClearAfterMinutes));

    private static void Gas(ref LevelRule rule, Barn barn, BarnReading r, double? value, string name, double? limit, string alertRule, DeviceDetectors output)
    {
        if (value is not { } v || rule.Apply(new Sample(r.Timestamp, v)) is not { } c)
        {
            return;
        }

        output.Emit(c.ToSignal(barn, alertRule, c.Active
            ? $"{name}超标：{AlertText.N(c.Value)} ppm（限值 {AlertText.N(limit!.Value)} ppm），自 {AlertText.Time(c.Since)} 起已 {AlertText.Duration(c.At - c.Since)}"
            : AlertText.Cleared(name, c.Since)));
    }

    private static string Band(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "紧急",
        AlertSeverity.Major => "危险",
        _ => "警戒",
    };
}
