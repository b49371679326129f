using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Allocation;

/// <summary>A household's equity in the collective's PV revenue (e.g. the kW allotted to it when the station was built).</summary>
/// <param name="Household">The household.</param>
/// <param name="Shares">Its shares, positive.</param>
public sealed record EquityShare(Household Household, decimal Shares);
