using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.inverter_fault</c>: the inverter reports a device, DC-side or insulation fault code, or the fault state without
/// a code. Raises with the first such reading; clears once no code has been reported for the clear time.
/// </summary>
internal static class FaultCodeRule
{
    public static IObservable<AlertSignal> Detect(Station station, IObservable<PvReading> readings, TimeSpan clearAfter) =>
        Observable.Defer(() =>
        {
            var lastCode = 0;
            return readings
                .Select(r =>
                {
                    if (PvFaultCodes.First(r.Faults, PvFaultCategory.Inverter) is { } code)
                    {
                        lastCode = code;
                        return Verdict.Raise(r.Timestamp, PvFaultCodes.SeverityOf(code), code);
                    }

                    if (r.State == InverterState.Fault && r.Faults.Length == 0)
                    {
                        lastCode = 0;
                        return Verdict.Raise(r.Timestamp, AlertSeverity.Major, 0);
                    }

                    return Verdict.Clear(r.Timestamp, 0);
                })
                .WhenHeldFor(TimeSpan.Zero, clearAfter)
                .ToSignals(
                    station,
                    AlertRules.PvInverterFault,
                    c => c.Value > 0
                        ? $"逆变器故障 {PvFaultCodes.NameOf((int)c.Value)}，自 {AlertText.Time(c.Since)} 起"
                        : $"逆变器处于故障状态（未上报故障码），自 {AlertText.Time(c.Since)} 起",
                    c => AlertText.Cleared(lastCode > 0 ? $"逆变器故障 {PvFaultCodes.NameOf(lastCode)} " : "逆变器故障", c.Since));
        });
}
