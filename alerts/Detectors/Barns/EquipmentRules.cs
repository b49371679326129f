using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>Fan failure, stuck sensors and running on battery.</summary>
internal static class EquipmentRules
{
    /// <summary><c>barn.fan_failure</c>: the controller asks for a fan stage but a fan reports (near) zero rpm.</summary>
    public static IObservable<AlertSignal> Fans(Barn barn, IObservable<BarnReading> readings, BarnAlertOptions o) =>
        readings
            .Select(r =>
            {
                if (r.FanStage is not > 0 || r.FanRpm.Length == 0)
                {
                    return Verdict.Hold(r.Timestamp, 0);
                }

                var stopped = r.FanRpm.Count(rpm => rpm <= o.FanMinRpm);
                return stopped == 0
                    ? Verdict.Clear(r.Timestamp, 0)
                    : Verdict.Raise(r.Timestamp, stopped == r.FanRpm.Length ? AlertSeverity.Critical : AlertSeverity.Major, stopped);
            })
            .WhenHeldFor(TimeSpan.FromMinutes(o.FanDurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnFanFailure,
                c => $"风机故障：通风级别开启但 {AlertText.N(c.Value, 0)}/{barn.FanCount} 台风机转速为零，自 {AlertText.Time(c.Since)} 起",
                c => AlertText.Cleared("风机", c.Since));

    /// <summary><c>barn.sensor_stuck</c>: temperature, humidity, NH3 or CO2 repeats the same value for the window.</summary>
    public static IObservable<AlertSignal> Stuck(Barn barn, IObservable<BarnReading> readings, BarnAlertOptions o)
    {
        var window = TimeSpan.FromMinutes(o.StuckWindowMinutes);
        IObservable<KeyedChange> Field(string key, Func<BarnReading, double?> field, TimeSpan span) =>
            readings.Where(r => field(r) is not null).Select(r => new Sample(r.Timestamp, field(r)!.Value))
                .FlatLine(span, 1e-9, AlertSeverity.Major, span / 4)
                .Select(c => new KeyedChange(key, c with { Since = c.At - span }));

        // Temperature moves with the day in any barn; humidity and gases can sit on one quantisation step for hours
        // (a controller holding its humidity cap, NH3 near 2 ppm at 0.1 ppm resolution), so they need longer.
        return Observable.Merge(
                Field("t_c", r => r.TempC, window),
                Field("rh_pct", r => r.HumidityPct, window * o.SlowSensorWindowFactor),
                Field("nh3_ppm", r => r.Nh3Ppm, window * o.SlowSensorWindowFactor),
                Field("co2_ppm", r => r.Co2Ppm, window * o.SlowSensorWindowFactor))
            .WhenAnyActive()
            .Select(k => new AlertSignal(barn.Id, AlertRules.BarnSensorStuck, k.Change.Severity, k.Change.Active, k.Change.At, k.Change.Active
                ? $"传感器疑似卡死：{k.Key} 自 {AlertText.Time(k.Change.Since)} 起一直为 {AlertText.N(k.Change.Value, 2)}"
                : $"传感器读数恢复变化（{k.Key}）"));
    }

    /// <summary><c>barn.on_battery</c>: Minor after a short while on battery, Major after a long one.</summary>
    public static IObservable<AlertSignal> Battery(Barn barn, IObservable<BarnReading> readings, BarnAlertOptions o) =>
        Observable.Defer(() =>
        {
            var since = (DateTimeOffset?)null;
            var major = TimeSpan.FromMinutes(o.BatteryMajorMinutes);
            return readings
                .Where(r => r.Power is not null)
                .Select(r =>
                {
                    if (r.Power != PowerSource.Battery)
                    {
                        since = null;
                        return Verdict.Clear(r.Timestamp, 0);
                    }

                    since ??= r.Timestamp;
                    var on = r.Timestamp - since.Value;
                    return Verdict.Raise(r.Timestamp, on >= major ? AlertSeverity.Major : AlertSeverity.Minor, on.TotalMinutes);
                })
                .WhenHeldFor(TimeSpan.FromMinutes(o.BatteryMinutes), TimeSpan.FromMinutes(2))
                .ToSignals(
                    barn,
                    AlertRules.BarnOnBattery,
                    c => $"市电中断，控制器使用电池供电已 {AlertText.Duration(TimeSpan.FromMinutes(c.Value))}（自 {AlertText.Time(c.At - TimeSpan.FromMinutes(c.Value))} 起）",
                    c => AlertText.Cleared("市电供电", c.Since));
        });
}
