using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.zero_output</c>: output at or near zero while the sun stands high enough at the station's coordinates and
/// date that even an overcast sky gives measurable power (clear-sky expectation ≥ a fraction of the AC rating). Readings
/// that carry a fault code are left to the fault rules (one alert per problem); low sun and night are holds.
/// </summary>
internal static class ZeroOutputRule
{
    public static IObservable<AlertSignal> Detect(Station station, IObservable<PvReading> readings, ZeroOutputOptions o)
    {
        var nearZero = Math.Max(0.01, o.NearZeroFraction * station.AcRatingKw);
        return Observable.Defer(() =>
        {
            var productive = new ProductiveHours(station, o.MinClearSkyFraction);
            return readings.Select(r =>
            {
                if (r.Faults.Length > 0 || !productive.Contains(r.Timestamp))
                {
                    return Verdict.Hold(r.Timestamp, r.PowerKw);
                }

                return r.PowerKw <= nearZero ? Verdict.Raise(r.Timestamp, AlertSeverity.Critical, r.PowerKw) : Verdict.Clear(r.Timestamp, r.PowerKw);
            });
        })
            .WhenHeldFor(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                station,
                AlertRules.PvZeroOutput,
                c => $"白天无发电：输出 {AlertText.N(c.Value, 2)} kW（额定 {AlertText.N(station.AcRatingKw)} kW），自 {AlertText.Time(c.Since)} 起已 {AlertText.Duration(c.At - c.Since)}，无故障码",
                c => AlertText.Cleared("发电", c.Since));
    }
}
