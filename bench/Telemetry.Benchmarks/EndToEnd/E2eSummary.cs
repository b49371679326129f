using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The top of <c>e2e.json</c>: the required figures (<c>readingsPerSecond</c>, <c>referencePerSecond</c>,
/// <c>latencyP99Ms</c>, <c>alertLatencyP99Ms</c>, <c>peakRssMb</c>, <c>lost</c>), the ingest/reference ratio per broker and
/// batch size (median over the rounds of each round's ratio), and every DESIGN §11 target with its figure and verdict.
/// </summary>
internal static class E2eSummary
{
    public const double RatioTarget = 0.8;
    public const double RateTarget = 50_000;
    public const double SustainedSecondsTarget = 300;
    public const double AlertLatencyTargetMs = 1_000;
    public const double MemoryTargetMb = 1_024;
    public const int MemoryDevicesTarget = 100_000;

    public static void Summarize(E2eSettings settings, JsonObject output, JsonArray scenarios)
    {
        var ratios = new JsonObject();
        var targets = new JsonArray();
        foreach (var broker in new[] { "embedded", "mosquitto" })
        {
            foreach (var k in new[] { 1, 10 })
            {
                var perRound = Enumerable.Range(1, settings.Rounds)
                    .Select(round => (Reference: Rate(Find(scenarios, $"reference-{broker}-{k}", round)), Ingest: Rate(Find(scenarios, $"ingest-{broker}-{k}", round))))
                    .Where(p => p.Reference > 0 && p.Ingest is not null)
                    .ToList();
                if (perRound.Count == 0)
                {
                    continue;
                }

                var ratio = Math.Round(Median(perRound.Select(p => p.Ingest!.Value / p.Reference!.Value)), 3);
                ratios[$"{broker}-{k}"] = new JsonObject
                {
                    ["ratio"] = ratio,
                    ["perRound"] = new JsonArray([.. perRound.Select(p => (JsonNode)Math.Round(p.Ingest!.Value / p.Reference!.Value, 3))]),
                    ["referencePerSecond"] = Median(perRound.Select(p => p.Reference!.Value)),
                    ["ingestPerSecond"] = Median(perRound.Select(p => p.Ingest!.Value)),
                };
                targets.Add(Target($"ingest ≥ 0.8× reference, {broker}, {k} reading(s)/message", ratio, ratio >= RatioTarget, $"{ratio:0.00}×"));
            }
        }

        var sustained = Find(scenarios, "sustained-embedded");
        if (sustained is not null)
        {
            var rate = Rate(sustained) ?? 0;
            var seconds = Number(sustained["seconds"]!);
            var lost = Long(sustained, "lost") + Long(sustained, "readingsFailed") + Long(sustained, "readingsRejected");
            targets.Add(Target("≥ 50,000 readings/s for 5 minutes, nothing lost (embedded, 10/message)", rate,
                rate >= RateTarget && seconds >= SustainedSecondsTarget && lost == 0, $"{rate:0} readings/s over {seconds:0} s, {lost} lost"));
            var alert = sustained["alertLatencyMs"]?["p99Ms"] is { } p99 ? Number(p99) : (double?)null;
            var injected = Long(sustained, "alertsInjected");
            var seen = Long(sustained, "alertsSeen");
            targets.Add(Target("p99 reading-to-alert < 1 s at that load", alert, alert < AlertLatencyTargetMs && seen == injected && injected > 0 && rate >= RateTarget,
                $"{alert?.ToString("0", CultureInfo.InvariantCulture) ?? "-"} ms ({seen} of {injected} alerts) at {rate:0} readings/s"));
        }

        if (output["memory"] is JsonObject memory)
        {
            var rss = Number(memory["rssMb"]!);
            var registered = (int)Number(memory["registeredDevices"]!);
            var reported = (int)Number(memory["devicesThatReported"]!);
            targets.Add(Target("100,000 registered devices with detector state < 1 GiB RSS", rss,
                rss < MemoryTargetMb && registered >= MemoryDevicesTarget && reported >= MemoryDevicesTarget,
                $"{rss:0} MiB with {registered} registered, {reported} reporting"));
        }

        var headline = sustained ?? Find(scenarios, "sustained-mosquitto");
        output["headline"] = headline?["name"]?.GetValue<string>();
        output["readingsPerSecond"] = headline?["readingsPerSecond"]?.DeepClone();
        output["referencePerSecond"] = ratios["embedded-10"]?["referencePerSecond"]?.DeepClone() ?? ratios["mosquitto-10"]?["referencePerSecond"]?.DeepClone();
        output["latencyP99Ms"] = headline?["latencyMs"]?["p99Ms"]?.DeepClone();
        output["latencyP50Ms"] = headline?["latencyMs"]?["p50Ms"]?.DeepClone();
        output["alertLatencyP99Ms"] = headline?["alertLatencyMs"]?["p99Ms"]?.DeepClone();
        output["peakRssMb"] = (output["embeddedPeakRssMb"] ?? output["externalPeakRssMb"])?.DeepClone();
        output["lost"] = scenarios.Where(s => s!["lost"] is not null && !Name(s).StartsWith("reference", StringComparison.Ordinal)).Sum(s => Long(s, "lost"));
        output["rejected"] = scenarios.Sum(s => Long(s, "readingsRejected"));
        output["ingestToReferenceRatios"] = ratios;
        output["targets"] = targets;
    }

    /// <summary>The targets as a console table.</summary>
    public static string Table(JsonObject output)
    {
        var text = new StringBuilder("target | figure | met\n");
        foreach (var t in output["targets"]?.AsArray() ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{t!["target"]} | {t["figure"]} | {(t["met"]!.GetValue<bool>() ? "yes" : "NO")}\n");
        }

        return text.ToString();
    }

    private static JsonObject Target(string name, double? value, bool met, string figure) => new()
    {
        ["target"] = name,
        ["value"] = value,
        ["figure"] = figure,
        ["met"] = met,
    };

    private static string Name(JsonNode? s) => s!["name"]!.GetValue<string>();

    private static JsonNode? Find(JsonArray scenarios, string name, int? round = null) =>
        scenarios.FirstOrDefault(s => Name(s) == name && (round is null || s!["round"]!.GetValue<int>() == round));

    private static double? Rate(JsonNode? scenario) => scenario?["readingsPerSecond"] is { } n ? Number(n) : null;

    private static long Long(JsonNode? scenario, string key) => scenario?[key] is { } n ? (long)Number(n) : 0;

    /// <summary>Any JSON number (the scenario objects hold ints, longs and doubles).</summary>
    private static double Number(JsonNode n) => double.Parse(n.ToJsonString(), CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
