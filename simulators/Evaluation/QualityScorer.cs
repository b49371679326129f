using System.Globalization;
using Telemetry.Core.Time;
using Telemetry.Simulators.Faults;

namespace Telemetry.Simulators.Evaluation;

/// <summary>
/// Scores signals against labels (docs/alerts.md, "Detection quality"). Only raises count (the first active signal of
/// a device and rule since its last clear; escalations and clears do not). A raise is a true positive for fault type T
/// when its device has a label of type T whose window [start, end + tolerance] contains the raise's emission time and
/// its rule is one T accepts — the first such raise per label and rule; a repeat for the same label is a false positive
/// (the crew would see the problem twice). A raise explained by a label of another type (accepted or collateral rule)
/// counts for neither. Every other raise is a false positive of each type that accepts its rule.
/// Recall = detected labels / labels; median time to detect = first accepted raise − label start.
/// </summary>
internal static class QualityScorer
{
    public static QualityReport Score(IReadOnlyList<(EvaluationCampaign Campaign, List<ScheduledFault> Labels, List<DetectedSignal> Signals)> runs)
    {
        var tp = FaultTypes.All.ToDictionary(t => t, _ => 0);
        var fp = FaultTypes.All.ToDictionary(t => t, _ => 0);
        var labels = FaultTypes.All.ToDictionary(t => t, _ => 0);
        var ttd = FaultTypes.All.ToDictionary(t => t, _ => new List<double>());
        var examples = new List<string>();
        var missed = new List<string>();
        foreach (var (campaign, faults, signals) in runs)
        {
            var byDevice = faults.ToLookup(f => f.DeviceId, StringComparer.Ordinal);
            var firstDetection = new Dictionary<ScheduledFault, DateTimeOffset>();
            var seen = new HashSet<(ScheduledFault, string)>();
            foreach (var f in faults)
            {
                labels[f.Type]++;
            }

            foreach (var raise in Raises(signals))
            {
                var s = raise.Signal;
                var match = byDevice[s.DeviceId].FirstOrDefault(f => Covers(f, raise) && FaultCatalog.For(f.Type).Accepted.Contains(s.Rule));
                if (match is not null)
                {
                    if (seen.Add((match, s.Rule)))
                    {
                        tp[match.Type]++;
                        firstDetection.TryAdd(match, raise.EmittedAt);
                        continue;
                    }
                }
                else if (byDevice[s.DeviceId].Any(f => Covers(f, raise) && FaultCatalog.For(f.Type).Collateral.Contains(s.Rule)))
                {
                    continue;
                }

                foreach (var spec in FaultCatalog.All.Where(x => x.Accepted.Contains(s.Rule)))
                {
                    fp[spec.Type]++;
                }

                if (examples.Count < 40)
                {
                    examples.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{campaign.Name}#{campaign.Seed} {s.DeviceId} {s.Rule} {s.Severity} at {ChinaTime.ToLocal(raise.EmittedAt):yyyy-MM-dd HH:mm}{(match is null ? "" : " (repeat)")}: {s.Message}"));
                }
            }

            foreach (var (label, at) in firstDetection)
            {
                ttd[label.Type].Add((at - label.Start).TotalSeconds);
            }

            foreach (var label in faults.Where(f => !firstDetection.ContainsKey(f)).Take(40 - missed.Count))
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{campaign.Name}#{campaign.Seed} {label.DeviceId} {label.Type} {ChinaTime.ToLocal(label.Start):yyyy-MM-dd HH:mm}–{ChinaTime.ToLocal(label.End):MM-dd HH:mm}"));
            }
        }

        var qualities = FaultTypes.All.Where(t => labels[t] > 0).Select(t => new FaultQuality(
            t,
            tp[t] + fp[t] == 0 ? 1.0 : Math.Round((double)tp[t] / (tp[t] + fp[t]), 4),
            Math.Round((double)ttd[t].Count / labels[t], 4),
            Median(ttd[t]),
            labels[t],
            ttd[t].Count,
            tp[t],
            fp[t])).ToList();
        var names = runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Campaign.Name} {r.Campaign.FirstDay:yyyy-MM-dd} +{r.Campaign.Days}d seed {r.Campaign.Seed}")).ToList();
        return new QualityReport(qualities, names, examples, missed);
    }

    private static bool Covers(ScheduledFault f, DetectedSignal raise) =>
        raise.EmittedAt >= f.Start && raise.EmittedAt <= f.End + FaultCatalog.For(f.Type).Tolerance;

    /// <summary>The first active signal of each (device, rule) since its last clear.</summary>
    private static IEnumerable<DetectedSignal> Raises(List<DetectedSignal> signals)
    {
        var open = new HashSet<(string, string)>();
        foreach (var d in signals)
        {
            var key = (d.Signal.DeviceId, d.Signal.Rule);
            if (!d.Signal.Active)
            {
                open.Remove(key);
            }
            else if (open.Add(key))
            {
                yield return d;
            }
        }
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var n = values.Count;
        return Math.Round(n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2);
    }
}
