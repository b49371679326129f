using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// <c>barn.water_anomaly</c> and <c>barn.feed_anomaly</c>. Animals that eat drink, in a ratio typical of the species:
/// over a trailing window the water/feed ratio is compared with the species' normal ratio, so the daily rhythm (night,
/// feeding times) cancels out. A dry water line drops the ratio; a leak raises it; a jammed feeder drops feed/water.
/// Registry overrides <c>water_l.min/max</c> and <c>feed_kg.min/max</c> (per hour over the window) add absolute bounds.
/// </summary>
internal static class IntakeRules
{
    public static IObservable<AlertSignal> Water(Barn barn, IObservable<PairTotals> totals, BarnLimits l, BarnAlertOptions o)
    {
        var normal = l.WaterPerFeedLPerKg ?? double.NaN;
        return totals
            .Select(t =>
            {
                if (t.Covered < Window(o) * 0.9)
                {
                    return Verdict.Hold(t.At, double.NaN);
                }

                var perHour = t.First / t.Covered.TotalHours;
                if ((l.WaterMinLPerHour is { } min && perHour < min) || (l.WaterMaxLPerHour is { } max && perHour > max))
                {
                    return Verdict.Raise(t.At, AlertSeverity.Major, perHour);
                }

                if (double.IsNaN(normal) || t.Second < o.MinIntakeKg)
                {
                    return Verdict.Hold(t.At, double.NaN);
                }

                var ratio = t.First / t.Second / normal;
                return ratio < o.WaterLowFraction || ratio > o.WaterHighMultiple ? Verdict.Raise(t.At, AlertSeverity.Major, ratio) : Verdict.Clear(t.At, ratio);
            })
            .WhenHeldFor(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnWaterAnomaly,
                c => double.IsNaN(normal) || c.Value > 50
                    ? $"饮水量异常：近 {AlertText.Duration(Window(o))} 平均 {AlertText.N(c.Value)} L/h，超出设定范围"
                    : c.Value < 1
                        ? $"饮水量异常偏低：近 {AlertText.Duration(Window(o))} 饮水/采食比仅为正常的 {AlertText.N(c.Value * 100, 0)}%，疑似水线堵塞或断水（自 {AlertText.Time(c.Since)} 起）"
                        : $"饮水量异常偏高：近 {AlertText.Duration(Window(o))} 饮水/采食比为正常的 {AlertText.N(c.Value, 1)} 倍，疑似漏水（自 {AlertText.Time(c.Since)} 起）",
                c => AlertText.Cleared("饮水", c.Since));
    }

    public static IObservable<AlertSignal> Feed(Barn barn, IObservable<PairTotals> totals, BarnLimits l, BarnAlertOptions o)
    {
        var normal = l.WaterPerFeedLPerKg ?? double.NaN;
        return totals
            .Select(t =>
            {
                if (t.Covered < Window(o) * 0.9)
                {
                    return Verdict.Hold(t.At, double.NaN);
                }

                var perHour = t.Second / t.Covered.TotalHours;
                if ((l.FeedMinKgPerHour is { } min && perHour < min) || (l.FeedMaxKgPerHour is { } max && perHour > max))
                {
                    return Verdict.Raise(t.At, AlertSeverity.Major, perHour);
                }

                if (double.IsNaN(normal) || t.First < 2 * o.MinIntakeKg)
                {
                    return Verdict.Hold(t.At, double.NaN);
                }

                var ratio = t.Second * normal / t.First;
                return ratio < o.FeedLowFraction ? Verdict.Raise(t.At, AlertSeverity.Major, ratio) : Verdict.Clear(t.At, ratio);
            })
            .WhenHeldFor(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(o.ClearAfterMinutes))
            .ToSignals(
                barn,
                AlertRules.BarnFeedAnomaly,
                c => $"采食量异常偏低：近 {AlertText.Duration(Window(o))} 采食/饮水比仅为正常的 {AlertText.N(c.Value * 100, 0)}%，疑似料线卡料或断料（自 {AlertText.Time(c.Since)} 起）",
                c => AlertText.Cleared("采食", c.Since));
    }

    public static TimeSpan Window(BarnAlertOptions o) => TimeSpan.FromMinutes(o.IntakeWindowMinutes);
}
