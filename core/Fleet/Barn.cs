namespace Telemetry.Core.Fleet;

/// <summary>A livestock barn with a climate controller.</summary>
public sealed class Barn : Device
{
    public override DeviceKind Kind => DeviceKind.Barn;

    public required Species Species { get; init; }

    /// <summary>Production stage, e.g. <c>grower</c>, <c>farrowing</c>, <c>broiler</c>, <c>lambing</c>; selects thresholds.</summary>
    public required string Stage { get; init; }

    public required int HeadCount { get; init; }

    /// <summary>Number of ventilation fans the controller reports rpm for.</summary>
    public required int FanCount { get; init; }

    /// <summary>Whether the barn has gas sensors (NH3, CO2, H2S).</summary>
    public required bool HasGasSensors { get; init; }

    /// <summary>Per-barn threshold overrides by key (e.g. <c>nh3_ppm.max</c>), applied over the species defaults.</summary>
    public required IReadOnlyDictionary<string, double> ThresholdOverrides { get; init; }
}
