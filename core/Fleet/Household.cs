namespace Telemetry.Core.Fleet;

/// <summary>A beneficiary household (脱贫户) registered with its village.</summary>
public sealed class Household
{
    public required string Id { get; init; }

    /// <summary>Name of the head of household, masked for publication (e.g. 王某某).</summary>
    public required string HeadName { get; init; }

    public required Village Village { get; init; }

    public required int Members { get; init; }

    /// <summary>A monitored household (监测户) at risk of falling back into poverty; allocation gives them priority.</summary>
    public required bool Monitored { get; init; }
}
