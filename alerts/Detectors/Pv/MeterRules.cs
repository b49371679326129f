using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.meter.backwards</c> (the lifetime counter <c>e_total_kwh</c> went down: reset, replacement, corrupted register)
/// and <c>pv.meter.frozen</c> (it stopped while the reported power says energy flowed). Revenue is computed from this
/// counter, so both matter to the collective's income. Swaps recorded in the registry are bridged, not alerted.
/// </summary>
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct MeterRules(MeterOptions o)
{
    private CounterBackwards _backwards = new();
    private ConditionTracker _backwardsTracker = new(TimeSpan.Zero, TimeSpan.FromMinutes(o.BackwardsClearAfterMinutes), null);
    private CounterFrozen _frozen = new();
    private ConditionTracker _frozenTracker = new(TimeSpan.Zero, TimeSpan.Zero, null);

    /// <summary>
    /// The lifetime meter bridged across the swaps recorded in the registry (old final − new initial added from each
    /// swap on), as revenue does: a registered meter replacement is not an alert, an unregistered reset is.
    /// </summary>
    public static double Bridged(Station station, PvReading r)
    {
        var value = r.EnergyTotalKwh;
        foreach (var swap in station.MeterReplacements)
        {
            if (r.Timestamp >= swap.At)
            {
                value += (double)(swap.OldMeterFinalKwh - swap.NewMeterInitialKwh);
            }
        }

        return value;
    }

    public AlertSignal? Backwards(Station station, in CounterSample sample, MeterOptions o) =>
        _backwardsTracker.Apply(_backwards.Judge(sample, o.BackwardsToleranceKwh, AlertSeverity.Major)) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvMeterBackwards, c.Active
                ? $"累计电量表倒退 {AlertText.N(-c.Value, 2)} kWh（{AlertText.Time(c.At)}），可能被清零或更换；收益核算需确认"
                : $"累计电量表自 {AlertText.Time(c.Since)} 起正常递增");

    public AlertSignal? Frozen(Station station, in CounterSample sample, MeterOptions o) =>
        _frozenTracker.Apply(_frozen.Judge(sample, TimeSpan.FromMinutes(o.FrozenMinutes), o.FrozenMinExpectedKwh, o.ResolutionKwh, AlertSeverity.Major)) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvMeterFrozen, c.Active
                ? $"累计电量表停走：功率大于零，自 {AlertText.Time(c.Since)} 起应增加约 {AlertText.N(c.Value, 2)} kWh 但读数未变"
                : $"累计电量表自 {AlertText.Time(c.At)} 起恢复走字");
}
