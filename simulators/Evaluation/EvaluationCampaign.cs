namespace Telemetry.Simulators.Evaluation;

/// <summary>One labelled scenario run: the whole fleet over some days of a season, with a seed for weather and faults.</summary>
/// <param name="Name">Short name (season).</param>
/// <param name="FirstDay">First local day simulated (a warm-up day without faults).</param>
/// <param name="Days">Days simulated.</param>
/// <param name="Seed">Seed of the weather, device noise and fault schedule.</param>
/// <param name="Summer">Hot-season faults (heat stress) versus cold-season faults (heating failure).</param>
internal sealed record EvaluationCampaign(string Name, DateOnly FirstDay, int Days, int Seed, bool Summer)
{
    /// <summary>The standard set: a cloudy, hot July and a clear, cold December, two seeds each.</summary>
    public static IReadOnlyList<EvaluationCampaign> Standard { get; } =
    [
        new("summer", new DateOnly(2025, 7, 8), 10, 1, true),
        new("summer", new DateOnly(2025, 7, 20), 10, 2, true),
        new("winter", new DateOnly(2025, 12, 6), 10, 3, false),
        new("winter", new DateOnly(2026, 1, 10), 10, 4, false),
    ];
}
