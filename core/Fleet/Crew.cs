namespace Telemetry.Core.Fleet;

/// <summary>A maintenance crew (运维班组) and the area it answers for.</summary>
public sealed class Crew
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Contact phone of the crew lead; shown on alerts.</summary>
    public required string Phone { get; init; }

    /// <summary>Villages this crew is responsible for (whole counties expanded, explicit villages included).</summary>
    public IReadOnlyList<Village> Villages { get; internal set; } = [];
}
