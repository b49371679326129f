using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// <c>barn.water_anomaly</c> and <c>barn.feed_anomaly</c>. Animals that eat drink, in a ratio typical of the species:
/// over a trailing window the water/feed ratio is compared with the species' normal ratio, so the daily rhythm (night,
/// feeding times) cancels out. A dry water line drops water/feed; a jammed feeder drops feed/water. A high water/feed
/// ratio is not alerted (a jammed feeder looks the same as a leak); registry overrides <c>water_l.min/max</c> and
/// <c>feed_kg.min/max</c> (per hour over the window) add absolute bounds, which is how a leak is caught.
/// </summary>
/// <remarks>One barn's state (a mutable struct held by <see cref="BarnDetector"/>; see <see cref="ConditionTracker"/>):
/// the readings of one window, and a condition per rule.</remarks>
internal struct IntakeRules(BarnAlertOptions o)
{
    private const double WaterResolutionL = 0.1;
    private const double FeedResolutionKg = 0.01;
    private readonly RollingWindow _window = new(Window(o));
    private ConditionTracker _water = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);
    private ConditionTracker _feed = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(o.ClearAfterMinutes), null);

    public static TimeSpan Window(BarnAlertOptions o) => TimeSpan.FromMinutes(o.IntakeWindowMinutes);

    public void Apply(Barn barn, BarnReading r, BarnLimits l, BarnAlertOptions o, DeviceDetectors output)
    {
        if (r.WaterL is null || r.FeedKg is null || _window.Add(new PairSample(r.Timestamp, r.WaterL.Value, r.FeedKg.Value)) is not { } t)
        {
            return;
        }

        if (_water.Apply(Water(t, l, o)) is { } w)
        {
            output.Emit(w.ToSignal(barn, AlertRules.BarnWaterAnomaly, w.Active
                ? w.Value < o.WaterLowFraction
                    ? $"饮水量异常偏低：近 {AlertText.Duration(Window(o))} 饮水/采食比仅为正常的 {AlertText.N(w.Value * 100, 0)}%，疑似水线堵塞或断水（自 {AlertText.Time(w.Since)} 起）"
                    : $"饮水量超出设定范围：近 {AlertText.Duration(Window(o))} 平均 {AlertText.N(w.Value)} L/h（自 {AlertText.Time(w.Since)} 起）"
                : AlertText.Cleared("饮水", w.Since)));
        }

        if (_feed.Apply(Feed(t, l, o)) is { } f)
        {
            output.Emit(f.ToSignal(barn, AlertRules.BarnFeedAnomaly, f.Active
                ? $"采食量异常偏低：近 {AlertText.Duration(Window(o))} 采食/饮水比仅为正常的 {AlertText.N(f.Value * 100, 0)}%，疑似料线卡料或断料（自 {AlertText.Time(f.Since)} 起）"
                : AlertText.Cleared("采食", f.Since)));
        }
    }

    private static Verdict Water(in PairTotals t, BarnLimits l, BarnAlertOptions o)
    {
        var normal = l.WaterPerFeedLPerKg ?? double.NaN;
        if (t.Covered < Window(o) * 0.9)
        {
            return Verdict.Hold(t.At, double.NaN);
        }

        var perHour = t.First / t.Covered.TotalHours;
        if ((l.WaterMinLPerHour is { } min && perHour < min) || (l.WaterMaxLPerHour is { } max && perHour > max))
        {
            return Verdict.Raise(t.At, AlertSeverity.Major, perHour);
        }

        // Judge only when both amounts per reading are well above their resolution (0.1 L, 0.01 kg): tiny
        // intakes round to zero and would fake a dry line or a leak.
        if (double.IsNaN(normal) || t.Second < o.MinIntakeKg || !Resolved(t.Second, t.Second * normal, t.Count))
        {
            return Verdict.Hold(t.At, double.NaN);
        }

        // Only a low ratio: a high one is as much a jammed feeder as a leak (see the feed rule); leaks need the
        // absolute water_l.max override.
        var ratio = t.First / t.Second / normal;
        return ratio < o.WaterLowFraction ? Verdict.Raise(t.At, AlertSeverity.Major, ratio) : Verdict.Clear(t.At, ratio);
    }

    private static Verdict Feed(in PairTotals t, BarnLimits l, BarnAlertOptions o)
    {
        var normal = l.WaterPerFeedLPerKg ?? double.NaN;
        if (t.Covered < Window(o) * 0.9)
        {
            return Verdict.Hold(t.At, double.NaN);
        }

        var perHour = t.Second / t.Covered.TotalHours;
        if ((l.FeedMinKgPerHour is { } min && perHour < min) || (l.FeedMaxKgPerHour is { } max && perHour > max))
        {
            return Verdict.Raise(t.At, AlertSeverity.Major, perHour);
        }

        if (double.IsNaN(normal) || t.First < 2 * o.MinIntakeKg || !Resolved(t.First / normal, t.First, t.Count))
        {
            return Verdict.Hold(t.At, double.NaN);
        }

        var ratio = t.Second * normal / t.First;
        return ratio < o.FeedLowFraction ? Verdict.Raise(t.At, AlertSeverity.Major, ratio) : Verdict.Clear(t.At, ratio);
    }

    /// <summary>
    /// Whether the reference amounts per reading (one measured, the other expected from it) reach the resolution: then
    /// rounding can bias a ratio by at most half, never down to the alert fraction.
    /// </summary>
    private static bool Resolved(double feedKg, double waterL, int count) =>
        feedKg / count >= FeedResolutionKg && waterL / count >= WaterResolutionL;
}
