using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Settlement;

/// <summary>Which stations' revenue each village's statement covers: collective stations it owns a share of, and household stations in it.</summary>
internal sealed class VillageStations
{
    private readonly Dictionary<string, List<Station>> _byVillage = new(StringComparer.Ordinal);

    public VillageStations(FleetRegistry fleet)
    {
        foreach (var station in fleet.Stations)
        {
            var villages = station.Class == StationClass.Household ? [station.Village] : station.Owners.Select(o => o.Village);
            foreach (var village in villages)
            {
                if (!_byVillage.TryGetValue(village.Id, out var list))
                {
                    _byVillage[village.Id] = list = [];
                }

                list.Add(station);
            }
        }
    }

    public IReadOnlyList<Station> For(string villageId) => _byVillage.TryGetValue(villageId, out var list) ? list : [];
}
