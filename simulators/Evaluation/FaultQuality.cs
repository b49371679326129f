using System.Text.Json.Serialization;

namespace Telemetry.Simulators.Evaluation;

/// <summary>Detection quality of one fault type over all runs (one entry of <c>artifacts/alert-quality.json</c>).</summary>
internal sealed record FaultQuality(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("medianTimeToDetectSeconds")] double? MedianTimeToDetectSeconds,
    [property: JsonPropertyName("labels")] int Labels,
    [property: JsonPropertyName("detected")] int Detected,
    [property: JsonPropertyName("truePositives")] int TruePositives,
    [property: JsonPropertyName("falsePositives")] int FalsePositives);
