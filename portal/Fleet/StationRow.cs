using Telemetry.Core.Fleet;

namespace Telemetry.Portal.Fleet;

/// <summary>One station in the overview.</summary>
/// <param name="Station">The registered station.</param>
/// <param name="Health">Its state.</param>
/// <param name="PowerKw">AC power now; null when offline or never reported (a stale value would mislead).</param>
/// <param name="EnergyTodayKwh">Energy since local midnight, null when unknown.</param>
/// <param name="LastSeen">Device time of the newest reading.</param>
/// <param name="Faults">Active fault codes of the newest reading.</param>
/// <param name="InverterFault">The inverter reports the fault state.</param>
public sealed record StationRow(
    Station Station,
    DeviceHealth Health,
    double? PowerKw,
    double? EnergyTodayKwh,
    DateTimeOffset? LastSeen,
    IReadOnlyList<int> Faults,
    bool InverterFault)
{
    /// <summary>Specific yield today, kWh/kWp (IEC 61724 Yf over the day).</summary>
    public double? SpecificYield => EnergyTodayKwh is { } e && Station.CapacityKwp > 0 ? e / Station.CapacityKwp : null;
}
