using Telemetry.Core.Fleet.Document;

namespace Telemetry.Core.Fleet;

/// <summary>Builds crews and gives every village exactly one responsible crew (a village entry beats a county entry).</summary>
internal sealed class CrewAssigner(ValidationContext v, Dictionary<string, County> counties, Dictionary<string, Village> villages)
{
    public List<Crew> Assign(List<CrewDocument>? docs)
    {
        var crews = new List<Crew>();
        var byCounty = new Dictionary<County, Crew>();
        var byVillage = new Dictionary<Village, Crew>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var path = $"crews[{i}]";
            var d = docs![i];
            var crew = new Crew { Id = v.Id(d.Id, path + ".id"), Name = v.Text(d.Name, path + ".name"), Phone = v.Text(d.Phone, path + ".phone", 30) };
            if (crew.Id.Length > 0 && !ids.Add(crew.Id))
            {
                v.Add(path + ".id", $"'{crew.Id}' is used more than once");
            }

            if ((d.Counties?.Count ?? 0) + (d.Villages?.Count ?? 0) == 0)
            {
                v.Add(path, "a crew needs an area: list counties and/or villages");
            }

            for (var j = 0; j < (d.Counties?.Count ?? 0); j++)
            {
                var countyId = d.Counties![j];
                if (!counties.TryGetValue(countyId, out var county))
                {
                    v.Add($"{path}.counties[{j}]", $"county '{countyId}' is not defined");
                }
                else if (!byCounty.TryAdd(county, crew))
                {
                    v.Add($"{path}.counties[{j}]", $"county '{countyId}' is already covered by crew '{byCounty[county].Id}'");
                }
            }

            for (var j = 0; j < (d.Villages?.Count ?? 0); j++)
            {
                var villageId = d.Villages![j];
                if (!villages.TryGetValue(villageId, out var village))
                {
                    v.Add($"{path}.villages[{j}]", $"village '{villageId}' is not defined");
                }
                else if (!byVillage.TryAdd(village, crew))
                {
                    v.Add($"{path}.villages[{j}]", $"village '{villageId}' is already covered by crew '{byVillage[village].Id}'");
                }
            }

            crews.Add(crew);
        }

        var covered = crews.ToDictionary(c => c, _ => new List<Village>());
        foreach (var village in villages.Values)
        {
            if (byVillage.TryGetValue(village, out var crew) || byCounty.TryGetValue(village.County, out crew))
            {
                village.Crew = crew;
                covered[crew].Add(village);
            }
            else
            {
                v.Add("crews", $"no crew covers village '{village.Id}' ({village.Name}); alerts there would reach nobody");
            }
        }

        foreach (var (crew, list) in covered)
        {
            crew.Villages = list;
        }

        return crews;
    }
}
