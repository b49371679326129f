namespace Telemetry.Core.Fleet;

/// <summary>A county-level division (县/市/区) of the fleet.</summary>
public sealed class County
{
    public required string Id { get; init; }

    /// <summary>Chinese name, e.g. 泽州县.</summary>
    public required string Name { get; init; }

    /// <summary>Pinyin or English name, for the English portal.</summary>
    public required string NameEn { get; init; }

    public IReadOnlyList<Township> Townships { get; internal set; } = [];
}
