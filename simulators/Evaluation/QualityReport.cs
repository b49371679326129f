using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Telemetry.Simulators.Evaluation;

/// <summary>The whole report: one entry per fault type, plus what was run.</summary>
internal sealed record QualityReport(
    [property: JsonPropertyName("faults")] IReadOnlyList<FaultQuality> Faults,
    [property: JsonPropertyName("runs")] IReadOnlyList<string> Runs,
    [property: JsonPropertyName("falsePositiveExamples")] IReadOnlyList<string> FalsePositiveExamples,
    [property: JsonPropertyName("missedExamples")] IReadOnlyList<string> MissedExamples)
{
    public const double Target = 0.95;

    [JsonPropertyName("targetsMet")]
    public bool TargetsMet => Faults.All(f => f.Precision >= Target && f.Recall >= Target);

    public string Table()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"{"fault type",-18} {"labels",6} {"detected",8} {"TP",5} {"FP",4} {"precision",9} {"recall",7} {"median TTD",11}");
        foreach (var f in Faults)
        {
            var ttd = f.MedianTimeToDetectSeconds is { } s ? Ttd(s) : "-";
            sb.AppendLine(c, $"{f.Type,-18} {f.Labels,6} {f.Detected,8} {f.TruePositives,5} {f.FalsePositives,4} {f.Precision,9:F3} {f.Recall,7:F3} {ttd,11}");
        }

        sb.AppendLine(c, $"targets (precision and recall ≥ {Target:F2} for every type): {(TargetsMet ? "met" : "NOT met")}");
        return sb.ToString();
    }

    private static string Ttd(double seconds) => seconds < 5_400
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min")
        : seconds < 2 * 86_400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h") : string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:F1} d");
}
