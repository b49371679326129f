using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>Fan failure, stuck sensors and running on battery.</summary>
/// <remarks>One barn's state (a mutable struct held by <see cref="BarnDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct EquipmentRules(BarnAlertOptions o)
{
    private StuckSensor _temperature = new();
    private StuckSensor _humidity = new();
    private StuckSensor _nh3 = new();
    private StuckSensor _co2 = new();
    private AnyActive _stuck;
    private ConditionTracker _battery = new(TimeSpan.FromMinutes(o.BatteryMinutes), TimeSpan.FromMinutes(2), null);
    private DateTimeOffset? _batterySince;
    private ConditionTracker _fans = new(TimeSpan.FromMinutes(o.FanDurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);

    /// <summary>
    /// <c>barn.sensor_stuck</c>: temperature, humidity, NH3 or CO2 repeats the same value for the window. Temperature
    /// moves with the day in any barn; humidity and gases can sit on one quantisation step for hours (a controller
    /// holding its humidity cap, NH3 near 2 ppm at 0.1 ppm resolution), so they need longer.
    /// </summary>
    public void Stuck(Barn barn, BarnReading r, BarnAlertOptions o, DeviceDetectors output)
    {
        var window = TimeSpan.FromMinutes(o.StuckWindowMinutes);
        var slow = window * o.SlowSensorWindowFactor;
        Combine(barn, _temperature.Apply("t_c", r.Timestamp, r.TempC, window), output);
        Combine(barn, _humidity.Apply("rh_pct", r.Timestamp, r.HumidityPct, slow), output);
        Combine(barn, _nh3.Apply("nh3_ppm", r.Timestamp, r.Nh3Ppm, slow), output);
        Combine(barn, _co2.Apply("co2_ppm", r.Timestamp, r.Co2Ppm, slow), output);
    }

    /// <summary><c>barn.on_battery</c>: Minor after a short while on battery, Major after a long one.</summary>
    public void Battery(Barn barn, BarnReading r, BarnAlertOptions o, DeviceDetectors output)
    {
        if (r.Power is null)
        {
            return;
        }

        Verdict verdict;
        if (r.Power != PowerSource.Battery)
        {
            _batterySince = null;
            verdict = Verdict.Clear(r.Timestamp, 0);
        }
        else
        {
            _batterySince ??= r.Timestamp;
            var on = r.Timestamp - _batterySince.Value;
            verdict = Verdict.Raise(r.Timestamp, on >= TimeSpan.FromMinutes(o.BatteryMajorMinutes) ? AlertSeverity.Major : AlertSeverity.Minor, on.TotalMinutes);
        }

        if (_battery.Apply(verdict) is { } c)
        {
            output.Emit(c.ToSignal(barn, AlertRules.BarnOnBattery, c.Active
                ? $"市电中断，控制器使用电池供电已 {AlertText.Duration(TimeSpan.FromMinutes(c.Value))}（自 {AlertText.Time(c.At - TimeSpan.FromMinutes(c.Value))} 起）"
                : AlertText.Cleared("市电供电", c.Since)));
        }
    }

    /// <summary><c>barn.fan_failure</c>: the controller asks for a fan stage but a fan reports (near) zero rpm.</summary>
    public void Fans(Barn barn, BarnReading r, BarnAlertOptions o, DeviceDetectors output)
    {
        Verdict verdict;
        if (r.FanStage is not > 0 || r.FanRpm.Length == 0)
        {
            verdict = Verdict.Hold(r.Timestamp, 0);
        }
        else
        {
            var stopped = r.FanRpm.Count(rpm => rpm <= o.FanMinRpm);
            verdict = stopped == 0
                ? Verdict.Clear(r.Timestamp, 0)
                : Verdict.Raise(r.Timestamp, stopped == r.FanRpm.Length ? AlertSeverity.Critical : AlertSeverity.Major, stopped);
        }

        if (_fans.Apply(verdict) is { } c)
        {
            output.Emit(c.ToSignal(barn, AlertRules.BarnFanFailure, c.Active
                ? $"风机故障：通风级别开启但 {AlertText.N(c.Value, 0)}/{barn.FanCount} 台风机转速为零，自 {AlertText.Time(c.Since)} 起"
                : AlertText.Cleared("风机", c.Since)));
        }
    }

    private void Combine(Barn barn, KeyedChange? change, DeviceDetectors output)
    {
        if (change is { } k && _stuck.Apply(k) is { } any)
        {
            output.Emit(new AlertSignal(barn.Id, AlertRules.BarnSensorStuck, any.Change.Severity, any.Change.Active, any.Change.At, any.Change.Active
                ? $"传感器疑似卡死：{any.Key} 自 {AlertText.Time(any.Change.Since)} 起一直为 {AlertText.N(any.Change.Value, 2)}"
                : $"传感器读数恢复变化（{any.Key}）"));
        }
    }
}
