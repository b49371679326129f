namespace Telemetry.Core.Fleet;

/// <summary>A township (乡/镇) within a county.</summary>
public sealed class Township
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required County County { get; init; }

    public IReadOnlyList<Village> Villages { get; internal set; } = [];
}
