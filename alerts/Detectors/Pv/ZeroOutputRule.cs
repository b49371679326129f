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
/// <remarks>One station's state (a mutable struct held by <see cref="StationDetector"/>; see <see cref="ConditionTracker"/>).</remarks>
internal struct ZeroOutputRule(Station station, ZeroOutputOptions o)
{
    private ProductiveHours _productive = new(station, o.MinClearSkyFraction);
    private ConditionTracker _tracker = new(TimeSpan.FromMinutes(o.DurationMinutes), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);

    public AlertSignal? Apply(Station station, PvReading r, ZeroOutputOptions o)
    {
        var nearZero = Math.Max(0.01, o.NearZeroFraction * station.AcRatingKw);
        var verdict = r.Faults.Length > 0 || !_productive.Contains(r.Timestamp)
            ? Verdict.Hold(r.Timestamp, r.PowerKw)
            : r.PowerKw <= nearZero ? Verdict.Raise(r.Timestamp, AlertSeverity.Critical, r.PowerKw) : Verdict.Clear(r.Timestamp, r.PowerKw);
        return _tracker.Apply(verdict) is not { } c
            ? null
            : c.ToSignal(station, AlertRules.PvZeroOutput, c.Active
                ? $"白天无发电：输出 {AlertText.N(c.Value, 2)} kW（额定 {AlertText.N(station.AcRatingKw)} kW），自 {AlertText.Time(c.Since)} 起已 {AlertText.Duration(c.At - c.Since)}，无故障码"
                : AlertText.Cleared("发电", c.Since));
    }
}
