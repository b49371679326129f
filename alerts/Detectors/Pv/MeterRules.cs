using System.Reactive.Linq;
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
internal static class MeterRules
{
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

    public static IObservable<AlertSignal> Backwards(Station station, IObservable<PvReading> readings, MeterOptions o) =>
        readings
            .Select(r => new CounterSample(r.Timestamp, Bridged(station, r), r.PowerKw))
            .WhenCounterBackwards(o.BackwardsToleranceKwh, TimeSpan.FromMinutes(o.BackwardsClearAfterMinutes))
            .ToSignals(
                station,
                AlertRules.PvMeterBackwards,
                c => $"累计电量表倒退 {AlertText.N(-c.Value, 2)} kWh（{AlertText.Time(c.At)}），可能被清零或更换；收益核算需确认",
                c => $"累计电量表自 {AlertText.Time(c.Since)} 起正常递增");

    public static IObservable<AlertSignal> Frozen(Station station, IObservable<PvReading> readings, MeterOptions o) =>
        readings
            .Select(r => new CounterSample(r.Timestamp, Bridged(station, r), r.PowerKw))
            .WhenCounterFrozen(TimeSpan.FromMinutes(o.FrozenMinutes), o.FrozenMinExpectedKwh, o.ResolutionKwh)
            .ToSignals(
                station,
                AlertRules.PvMeterFrozen,
                c => $"累计电量表停走：功率大于零，自 {AlertText.Time(c.Since)} 起应增加约 {AlertText.N(c.Value, 2)} kWh 但读数未变",
                c => $"累计电量表自 {AlertText.Time(c.At)} 起恢复走字");
}
