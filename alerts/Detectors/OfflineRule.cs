using System.Reactive.Concurrency;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors;

/// <summary><c>pv.offline</c> / <c>barn.offline</c>: Last Will, or silence past N × the device's cadence (wall clock).</summary>
internal static class OfflineRule
{
    /// <summary>A watch over one device's liveness that reports to <paramref name="observer"/> (see <see cref="Signal"/>).</summary>
    public static OfflineWatch Watch(Device device, IObserver<ConditionChange> observer, OfflineAlertOptions o, IScheduler scheduler) =>
        new(observer, Silence(device, o), TimeSpan.FromMinutes(o.LastWillGraceMinutes), Severity(device), scheduler);

    public static AlertSignal Signal(Device device, in ConditionChange c) =>
        c.ToSignal(device, device.Kind == DeviceKind.Pv ? AlertRules.PvOffline : AlertRules.BarnOffline, c.Active
            ? $"设备离线：自 {AlertText.Time(c.Since)} 起无数据（上报周期 {device.CadenceSeconds} 秒）"
            : $"设备已恢复上报（离线 {AlertText.Duration(c.At - c.Since)}）");

    private static TimeSpan Silence(Device device, OfflineAlertOptions o) =>
        TimeSpan.FromSeconds(Math.Max(o.SilenceCadences * device.CadenceSeconds, o.MinSilenceMinutes * 60));

    private static AlertSeverity Severity(Device device) => device.Kind == DeviceKind.Pv ? AlertSeverity.Major : AlertSeverity.Critical;
}
