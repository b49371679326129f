namespace Telemetry.Core.Fleet;

/// <summary>A village collective's share of a collectively owned station (joint-village stations have several).</summary>
/// <param name="Village">The owning collective.</param>
/// <param name="Share">Fraction of the station owned, 0 &lt; share ≤ 1; the shares of a station sum to 1.</param>
public sealed record OwnerShare(Village Village, decimal Share);
