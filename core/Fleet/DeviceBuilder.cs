using System.Globalization;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Core.Fleet;

/// <summary>Validates and builds stations and barns; ids are unique across both.</summary>
internal sealed class DeviceBuilder(
    ValidationContext v,
    Dictionary<string, Village> villages,
    Dictionary<string, Household> households,
    HashSet<string> deviceIds)
{
    /// <summary>Barn fields that a threshold override may name, as <c>field.min</c> or <c>field.max</c>.</summary>
    public static readonly IReadOnlySet<string> ThresholdFields =
        new HashSet<string>(StringComparer.Ordinal) { "t_c", "rh_pct", "nh3_ppm", "co2_ppm", "h2s_ppm", "thi", "water_l", "feed_kg" };

    public Station Station(StationDocument d, string path)
    {
        var id = UniqueId(d.Id, path + ".id");
        var cls = v.Enum<StationClass>(d.Class, path + ".class");
        var (minKwp, maxKwp) = cls switch
        {
            StationClass.Household => (1.0, 20.0),
            StationClass.Village => (20.0, 1_000.0),
            _ => (50.0, 100_000.0),
        };
        var kwp = v.Number(d.Kwp, path + ".kwp", minKwp, maxKwp);
        var acKw = d.AcKw is null ? Math.Round(kwp / 1.1, 1) : v.Number(d.AcKw, path + ".acKw", kwp * 0.5, kwp * 1.5);
        v.Coordinates(d.Lat, d.Lon, path);
        var village = Village(d.Village, path + ".village");
        var owners = Owners(d, cls, path);
        Household? household = null;
        if (cls == StationClass.Household)
        {
            household = OwnerHousehold(d.Household, village, path + ".household");
        }
        else if (d.Household is not null)
        {
            v.Add(path + ".household", "only household stations have an owner household; collective stations list owners");
        }

        var terms = new StationTermsBuilder(v);
        var commissioned = Date(d.Commissioned, path + ".commissioned");
        return new Station
        {
            Id = id,
            Name = v.Text(d.Name, path + ".name"),
            Class = cls,
            Village = village!,
            Latitude = d.Lat ?? 0,
            Longitude = d.Lon ?? 0,
            CapacityKwp = kwp,
            AcRatingKw = acKw,
            TiltDegrees = d.Tilt is null ? 30 : v.Number(d.Tilt, path + ".tilt", 0, 90),
            AzimuthDegrees = d.Azimuth is null ? 180 : v.Number(d.Azimuth, path + ".azimuth", 0, 360),
            Commissioned = commissioned,
            CadenceSeconds = v.Integer(d.CadenceSeconds, path + ".cadenceSeconds", 10, 3600, fallback: 60),
            Tariff = new Tariff(
                v.Money(d.Tariff?.Grid, path + ".tariff.grid", 0m, 2m),
                v.Money(d.Tariff?.Subsidy, path + ".tariff.subsidy", 0m, 2m)),
            Owners = owners,
            OwnerHousehold = household,
            HasIrradianceSensor = d.IrradianceSensor ?? false,
            CredentialHash = Credential(d.Credential, path + ".credential"),
            MeterReplacements = terms.MeterReplacements(d.MeterReplacements, commissioned, path),
            Deductions = terms.Deductions(d.Deductions, path),
            Loan = terms.Loan(d.Loan, cls, path),
        };
    }

    public Barn Barn(BarnDocument d, string path)
    {
        var species = v.Enum<Species>(d.Species, path + ".species");
        v.Coordinates(d.Lat, d.Lon, path);
        var thresholds = d.Thresholds ?? [];
        foreach (var (key, value) in thresholds)
        {
            var dot = key.LastIndexOf('.');
            var field = dot > 0 ? key[..dot] : key;
            var bound = dot > 0 ? key[(dot + 1)..] : "";
            if (!ThresholdFields.Contains(field) || bound is not ("min" or "max"))
            {
                v.Add($"{path}.thresholds.{key}", $"unknown threshold; use <field>.min or <field>.max with field one of {string.Join(", ", ThresholdFields)}");
            }
            else if (!double.IsFinite(value))
            {
                v.Add($"{path}.thresholds.{key}", "must be a finite number");
            }
        }

        return new Barn
        {
            Id = UniqueId(d.Id, path + ".id"),
            Name = v.Text(d.Name, path + ".name"),
            Species = species,
            Stage = v.Text(d.Stage, path + ".stage", 30).ToLowerInvariant(),
            Village = Village(d.Village, path + ".village")!,
            Latitude = d.Lat ?? 0,
            Longitude = d.Lon ?? 0,
            HeadCount = v.Integer(d.HeadCount, path + ".headCount", 1, 1_000_000),
            FanCount = v.Integer(d.Fans, path + ".fans", 0, 64, fallback: 0),
            HasGasSensors = d.GasSensors ?? species != Species.Bee,
            CadenceSeconds = v.Integer(d.CadenceSeconds, path + ".cadenceSeconds", 10, 3600, fallback: 60),
            ThresholdOverrides = thresholds,
            CredentialHash = Credential(d.Credential, path + ".credential"),
        };
    }

    private List<OwnerShare> Owners(StationDocument d, StationClass cls, string path)
    {
        var owners = new List<OwnerShare>();
        if (cls == StationClass.Household)
        {
            if (d.Owners is { Count: > 0 })
            {
                v.Add(path + ".owners", "a household station belongs to its household; list it under 'household', not 'owners'");
            }

            return owners;
        }

        if (d.Owners is not { Count: > 0 })
        {
            v.Add(path + ".owners", "a collective station needs at least one owner village with a share");
            return owners;
        }

        for (var i = 0; i < d.Owners.Count; i++)
        {
            var op = $"{path}.owners[{i}]";
            var village = Village(d.Owners[i].Village, op + ".village");
            var share = v.Money(d.Owners[i].Share, op + ".share", 0.0001m, 1m);
            if (village is not null && owners.Any(o => o.Village == village))
            {
                v.Add(op + ".village", $"village '{village.Id}' is listed twice");
            }

            owners.Add(new OwnerShare(village!, share));
        }

        var total = owners.Sum(o => o.Share);
        if (total != 1m)
        {
            v.Add(path + ".owners", string.Create(CultureInfo.InvariantCulture, $"shares sum to {total}, not 1"));
        }

        return owners;
    }

    private Household? OwnerHousehold(string? id, Village? village, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            v.Add(path, "a household station needs its owner household");
            return null;
        }

        if (!households.TryGetValue(id, out var household))
        {
            v.Add(path, $"household '{id}' is not defined under households[]");
            return null;
        }

        if (village is not null && household.Village != village)
        {
            v.Add(path, $"household '{id}' lives in '{household.Village.Id}', not in the station's village '{village.Id}'");
        }

        return household;
    }

    private Village? Village(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            v.Add(path, "is required");
            return null;
        }

        if (!villages.TryGetValue(id, out var village))
        {
            v.Add(path, $"village '{id}' is not defined under counties[].townships[].villages[]");
        }

        return village;
    }

    private DateOnly Date(string? text, string path)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            v.Add(path, text is null ? "is required (yyyy-MM-dd)" : $"'{text}' is not a date in the form yyyy-MM-dd");
            return default;
        }

        if (date.Year < 2000)
        {
            v.Add(path, $"{text} is before 2000");
        }

        return date;
    }

    private string Credential(string? hash, string path)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            v.Add(path, "is required (a hashed device password; see docs/fleet-registry.md)");
            return "";
        }

        if (!CredentialHasher.IsWellFormed(hash))
        {
            v.Add(path, "is not a hash of the form pbkdf2-sha256$<iterations>$<salt>$<hash>; never store plain passwords");
        }

        return hash;
    }

    private string UniqueId(string? value, string path)
    {
        var id = v.Id(value, path);
        if (id.Length > 0 && !deviceIds.Add(id))
        {
            v.Add(path, $"device id '{id}' is used more than once");
        }

        return id;
    }
}
