using Telemetry.Core.Fleet.Document;

namespace Telemetry.Core.Fleet;

/// <summary>Checks a <see cref="FleetDocument"/> and turns it into a <see cref="FleetRegistry"/>, collecting every error.</summary>
internal sealed class FleetRegistryBuilder
{
    private readonly ValidationContext _v = new();
    private readonly Dictionary<string, Village> _villages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, County> _counties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Household> _households = new(StringComparer.Ordinal);
    private readonly HashSet<string> _regionIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deviceIds = new(StringComparer.Ordinal);

    public IReadOnlyList<FleetValidationError> Errors => _v.Errors;

    public FleetRegistry? Build(FleetDocument doc)
    {
        if (doc.Version is not 1)
        {
            _v.Add("version", doc.Version is null ? "is required (this build reads version 1)" : $"{doc.Version} is not supported (this build reads version 1)");
        }

        var name = _v.Text(doc.Name, "name", 200);
        var counties = BuildCounties(doc.Counties);
        var crews = new CrewAssigner(_v, _counties, _villages).Assign(doc.Crews);
        var households = BuildHouseholds(doc.Households);
        var devices = new DeviceBuilder(_v, _villages, _households, _deviceIds);
        var stations = (doc.Stations ?? []).Select((s, i) => devices.Station(s, $"stations[{i}]")).ToList();
        var barns = (doc.Barns ?? []).Select((b, i) => devices.Barn(b, $"barns[{i}]")).ToList();
        if (stations.Count + barns.Count == 0)
        {
            _v.Add("stations", "the fleet has no stations and no barns");
        }

        return _v.Errors.Count == 0 ? new FleetRegistry(name, counties, crews, households, stations, barns) : null;
    }

    private List<County> BuildCounties(List<CountyDocument>? docs)
    {
        if (docs is not { Count: > 0 })
        {
            _v.Add("counties", "at least one county is required");
            return [];
        }

        var counties = new List<County>();
        for (var i = 0; i < docs.Count; i++)
        {
            var path = $"counties[{i}]";
            var d = docs[i];
            var county = new County { Id = UniqueRegionId(d.Id, path + ".id"), Name = _v.Text(d.Name, path + ".name"), NameEn = _v.Text(d.NameEn, path + ".nameEn") };
            _counties.TryAdd(county.Id, county);
            var townships = new List<Township>();
            for (var j = 0; j < (d.Townships?.Count ?? 0); j++)
            {
                townships.Add(BuildTownship(d.Townships![j], county, $"{path}.townships[{j}]"));
            }

            county.Townships = townships;
            counties.Add(county);
        }

        return counties;
    }

    private Township BuildTownship(TownshipDocument d, County county, string path)
    {
        var township = new Township { Id = UniqueRegionId(d.Id, path + ".id"), Name = _v.Text(d.Name, path + ".name"), County = county };
        var villages = new List<Village>();
        for (var k = 0; k < (d.Villages?.Count ?? 0); k++)
        {
            var vp = $"{path}.villages[{k}]";
            var vd = d.Villages![k];
            _v.Coordinates(vd.Lat, vd.Lon, vp);
            var village = new Village
            {
                Id = UniqueRegionId(vd.Id, vp + ".id"),
                Name = _v.Text(vd.Name, vp + ".name"),
                NameEn = _v.Text(vd.NameEn, vp + ".nameEn"),
                Township = township,
                Latitude = vd.Lat ?? 0,
                Longitude = vd.Lon ?? 0,
            };
            _villages.TryAdd(village.Id, village);
            villages.Add(village);
        }

        township.Villages = villages;
        return township;
    }

    private List<Household> BuildHouseholds(List<HouseholdDocument>? docs)
    {
        var result = new List<Household>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var path = $"households[{i}]";
            var d = docs![i];
            var id = _v.Id(d.Id, path + ".id");
            if (!_households.ContainsKey(id) && !_regionIds.Contains(id))
            {
                var village = ResolveVillage(d.Village, path + ".village");
                var household = new Household
                {
                    Id = id,
                    HeadName = _v.Text(d.Head, path + ".head", 20),
                    Village = village!,
                    Members = _v.Integer(d.Members, path + ".members", 1, 30),
                    Monitored = d.Monitored ?? false,
                };
                _households.Add(id, household);
                result.Add(household);
            }
            else if (id.Length > 0)
            {
                _v.Add(path + ".id", $"'{id}' is used more than once");
            }
        }

        return result;
    }

    private Village? ResolveVillage(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            _v.Add(path, "is required");
            return null;
        }

        if (!_villages.TryGetValue(id, out var village))
        {
            _v.Add(path, $"village '{id}' is not defined under counties[].townships[].villages[]");
        }

        return village;
    }

    private string UniqueRegionId(string? value, string path)
    {
        var id = _v.Id(value, path);
        if (id.Length > 0 && !_regionIds.Add(id))
        {
            _v.Add(path, $"'{id}' is used more than once");
        }

        return id;
    }
}
