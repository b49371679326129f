using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;

namespace Telemetry.MicroBenchmarks.PortalScale;

/// <summary>
/// A provincial-scale registry made from the Jincheng sample: the sample is copied as often as needed, each copy's counties
/// spread over <see cref="CountyCopies"/> numbered sets of the six counties (120 counties), its townships, villages,
/// households, stations and barns given new ids (<c>…-r{copy}</c>). Copy 0 is the sample itself, ids unchanged, so the
/// sample's revenue plans still apply. The last copy is cut short to reach the device count exactly.
/// </summary>
internal static class ScaledFleet
{
    public const int CountyCopies = 20;

    public static FleetDocument Generate(string samplePath, int devices)
    {
        var sample = Read(samplePath);
        var sampleDevices = sample.Stations!.Count + sample.Barns!.Count;
        var copies = (devices + sampleDevices - 1) / sampleDevices;
        var counties = new Dictionary<string, CountyDocument>(StringComparer.Ordinal);
        var doc = new FleetDocument
        {
            Version = sample.Version,
            Name = $"{sample.Name}（{devices.ToString("N0", CultureInfo.InvariantCulture)} 台设备的规模测试车队）",
            Counties = [],
            Crews = [],
            Households = [],
            Stations = [],
            Barns = [],
        };

        for (var set = 0; set < Math.Min(copies, CountyCopies); set++)
        {
            foreach (var county in sample.Counties!)
            {
                var copy = new CountyDocument
                {
                    Id = Suffix(county.Id!, set == 0 ? null : set.ToString("00", CultureInfo.InvariantCulture)),
                    Name = set == 0 ? county.Name : $"{county.Name}{set:00}",
                    NameEn = set == 0 ? county.NameEn : $"{county.NameEn} {set:00}",
                    Townships = [],
                };
                counties[Key(county.Id!, set)] = copy;
                doc.Counties.Add(copy);
            }

            // County crews get a copy per county set; crews of named villages stay with the sample's villages.
            foreach (var crew in sample.Crews!.Where(c => set == 0 || c.Counties is { Count: > 0 }))
            {
                doc.Crews.Add(new CrewDocument
                {
                    Id = Suffix(crew.Id!, set == 0 ? null : set.ToString("00", CultureInfo.InvariantCulture)),
                    Name = set == 0 ? crew.Name : $"{crew.Name}{set:00}",
                    Phone = crew.Phone,
                    Counties = crew.Counties?.Select(c => counties[Key(c, set)].Id!).ToList(),
                    Villages = set == 0 ? crew.Villages : null,
                });
            }
        }

        var added = 0;
        for (var copy = 0; copy < copies && added < devices; copy++)
        {
            var set = copy % CountyCopies;
            var tag = copy == 0 ? null : "r" + copy.ToString(CultureInfo.InvariantCulture);
            var round = (copy / CountyCopies) + 1;
            foreach (var county in sample.Counties!)
            {
                foreach (var township in county.Townships!)
                {
                    counties[Key(county.Id!, set)].Townships!.Add(new TownshipDocument
                    {
                        Id = Suffix(township.Id!, tag),
                        Name = round == 1 ? township.Name : $"{township.Name}{round}",
                        Villages = [.. township.Villages!.Select(v => new VillageDocument
                        {
                            Id = Suffix(v.Id!, tag),
                            Name = round == 1 ? v.Name : $"{v.Name}{round}",
                            NameEn = round == 1 ? v.NameEn : $"{v.NameEn} {round}",
                            Lat = v.Lat,
                            Lon = v.Lon,
                        })],
                    });
                }
            }

            doc.Households.AddRange(sample.Households!.Select(h => new HouseholdDocument
            {
                Id = Suffix(h.Id!, tag),
                Village = Suffix(h.Village!, tag),
                Head = h.Head,
                Members = h.Members,
                Monitored = h.Monitored,
            }));
            foreach (var s in sample.Stations)
            {
                if (added++ == devices)
                {
                    break;
                }

                doc.Stations.Add(Station(s, tag, round));
            }

            foreach (var b in sample.Barns)
            {
                if (added >= devices)
                {
                    break;
                }

                added++;
                doc.Barns.Add(Barn(b, tag, round));
            }
        }

        return doc;
    }

    public static void Write(FleetDocument document, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, document, FleetRegistryLoader.JsonOptions);
    }

    private static FleetDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FleetDocument>(stream, FleetRegistryLoader.JsonOptions)
            ?? throw new InvalidOperationException($"{path} is empty");
    }

    private static StationDocument Station(StationDocument s, string? tag, int round) => new()
    {
        Id = Suffix(s.Id!, tag),
        Name = round == 1 ? s.Name : $"{s.Name}（{round}）",
        Class = s.Class,
        Village = Suffix(s.Village!, tag),
        Lat = s.Lat,
        Lon = s.Lon,
        Kwp = s.Kwp,
        AcKw = s.AcKw,
        Tilt = s.Tilt,
        Azimuth = s.Azimuth,
        Commissioned = s.Commissioned,
        CadenceSeconds = s.CadenceSeconds,
        Tariff = s.Tariff,
        Owners = s.Owners?.Select(o => new OwnerDocument { Village = Suffix(o.Village!, tag), Share = o.Share }).ToList(),
        Household = s.Household is null ? null : Suffix(s.Household, tag),
        IrradianceSensor = s.IrradianceSensor,
        MeterReplacements = s.MeterReplacements,
        Deductions = s.Deductions,
        Loan = s.Loan,
        Credential = s.Credential,
    };

    private static BarnDocument Barn(BarnDocument b, string? tag, int round) => new()
    {
        Id = Suffix(b.Id!, tag),
        Name = round == 1 ? b.Name : $"{b.Name}（{round}）",
        Species = b.Species,
        Stage = b.Stage,
        Village = Suffix(b.Village!, tag),
        Lat = b.Lat,
        Lon = b.Lon,
        HeadCount = b.HeadCount,
        Fans = b.Fans,
        GasSensors = b.GasSensors,
        CadenceSeconds = b.CadenceSeconds,
        Thresholds = b.Thresholds,
        Credential = b.Credential,
    };

    private static string Suffix(string id, string? tag) => tag is null ? id : $"{id}-{tag}";

    private static string Key(string countyId, int set) => countyId + "#" + set.ToString(CultureInfo.InvariantCulture);
}
