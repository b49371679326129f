using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.inverter_fault</c>: the inverter reports a device, DC-side or insulation fault code, or the fault state without
/// a code. Raises with the first such reading; clears once no code has been reported for the clear time.
/// </summary>
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct FaultCodeRule(TimeSpan clearAfter)
{
    private ConditionTracker _tracker = new(TimeSpan.Zero, clearAfter, null);
    private int _lastCode;

    public AlertSignal? Apply(Station station, PvReading r)
    {
        Verdict verdict;
        if (PvFaultCodes.First(r.Faults, PvFaultCategory.Inverter) is { } code)
        {
            _lastCode = code;
            verdict = Verdict.Raise(r.Timestamp, PvFaultCodes.SeverityOf(code), code);
        }
        else if (r.State == InverterState.Fault && r.Faults.Length == 0)
        {
            _lastCode = 0;
            verdict = Verdict.Raise(r.Timestamp, AlertSeverity.Major, 0);
        }
        else
        {
            verdict = Verdict.Clear(r.Timestamp, 0);
        }

        if (_tracker.Apply(verdict) is not { } c)
        {
            return null;
        }

        return c.ToSignal(station, AlertRules.PvInverterFault, c.Active
            ? c.Value > 0
                ? $"逆变器故障 {PvFaultCodes.NameOf((int)c.Value)}，自 {AlertText.Time(c.Since)} 起"
                : $"逆变器处于故障状态（未上报故障码），自 {AlertText.Time(c.Since)} 起"
            : AlertText.Cleared(_lastCode > 0 ? $"逆变器故障 {PvFaultCodes.NameOf(_lastCode)} " : "逆变器故障", c.Since));
    }
}
