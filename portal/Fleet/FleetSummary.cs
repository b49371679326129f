namespace Telemetry.Portal.Fleet;

/// <summary>The overview's tiles, for the selected county (or the whole city).</summary>
public sealed record FleetSummary(
    int StationsOnline,
    int StationsTotal,
    int BarnsOnline,
    int BarnsTotal,
    double PowerKw,
    double CapacityKwp,
    double EnergyTodayKwh,
    int Offline,
    int Warnings,
    int NoData)
{
    public int Problems => Offline + Warnings + NoData;

    /// <summary>Fleet specific yield today, kWh/kWp.</summary>
    public double SpecificYield => CapacityKwp > 0 ? EnergyTodayKwh / CapacityKwp : 0;
}
