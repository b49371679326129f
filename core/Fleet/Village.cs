namespace Telemetry.Core.Fleet;

/// <summary>A village (行政村) whose collective owns stations or keeps barns.</summary>
public sealed class Village
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string NameEn { get; init; }

    public required Township Township { get; init; }

    public County County => Township.County;

    /// <summary>WGS-84 latitude of the village centre, degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>WGS-84 longitude of the village centre, degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>The maintenance crew responsible for this village's devices.</summary>
    public Crew Crew { get; internal set; } = null!;
}
