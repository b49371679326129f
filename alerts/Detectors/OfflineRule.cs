using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors;

/// <summary><c>pv.offline</c> / <c>barn.offline</c>: Last Will, or silence past N × the device's cadence (wall clock).</summary>
internal static class OfflineRule
{
    public static IObservable<AlertSignal> Detect(Device device, IObservable<DeviceInput> input, OfflineAlertOptions o, IScheduler scheduler)
    {
        var silence = TimeSpan.FromSeconds(Math.Max(o.SilenceCadences * device.CadenceSeconds, o.MinSilenceMinutes * 60));
        var rule = device.Kind == DeviceKind.Pv ? AlertRules.PvOffline : AlertRules.BarnOffline;
        var severity = device.Kind == DeviceKind.Pv ? AlertSeverity.Major : AlertSeverity.Critical;
        return input
            .Select(i => i.Liveness)
            .WhenOffline(silence, TimeSpan.FromMinutes(o.LastWillGraceMinutes), severity, scheduler)
            .ToSignals(
                device,
                rule,
                c => $"设备离线：自 {AlertText.Time(c.Since)} 起无数据（上报周期 {device.CadenceSeconds} 秒）",
                c => $"设备已恢复上报（离线 {AlertText.Duration(c.At - c.Since)}）");
    }
}
