using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Simulators.Load;

/// <summary>
/// The generated fleet of the end-to-end benchmark: <c>n</c> devices, nine in ten PV village stations
/// (<c>PV-000000</c>…) and the rest pig barns (<c>BARN-000000</c>…), 25 devices a village, 10 counties with one crew each.
/// Every device shares one password hashed with the minimum PBKDF2 iterations (1,000), so that logging in 100,000
/// devices costs seconds, not minutes — a benchmark shortcut, never a production setting.
/// </summary>
internal static class BenchFleet
{
    public const string Password = "bench-password";
    private const int DevicesPerVillage = 25;
    private const int Counties = 10;
    private const int TownshipsPerCounty = 10;

    public static int StationCount(int devices) => devices - BarnCount(devices);

    public static int BarnCount(int devices) => devices / 10;

    /// <summary>The id of device <paramref name="index"/>: stations first, then barns.</summary>
    public static string DeviceId(int devices, int index)
    {
        var stations = StationCount(devices);
        return index < stations
            ? string.Create(CultureInfo.InvariantCulture, $"PV-{index:D6}")
            : string.Create(CultureInfo.InvariantCulture, $"BARN-{index - stations:D6}");
    }

    public static bool IsStation(int devices, int index) => index < StationCount(devices);

    public static FleetDocument Create(int devices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(devices, 1);
        var credential = CredentialHasher.Hash(Password, 1_000);
        var villages = (devices + DevicesPerVillage - 1) / DevicesPerVillage;
        var perTownship = (villages + (Counties * TownshipsPerCounty) - 1) / (Counties * TownshipsPerCounty);
        var counties = Enumerable.Range(0, Counties).Select(c => new CountyDocument
        {
            Id = $"c{c}",
            Name = $"县{c}",
            NameEn = $"County {c}",
            Townships = [.. Enumerable.Range(0, TownshipsPerCounty).Select(t => new TownshipDocument
            {
                Id = $"c{c}-t{t}",
                Name = $"镇{c}-{t}",
                Villages = [.. Enumerable.Range(((c * TownshipsPerCounty) + t) * perTownship, perTownship)
                    .Where(v => v < villages)
                    .Select(v => new VillageDocument { Id = VillageId(v), Name = $"村{v}", NameEn = $"Village {v}", Lat = Lat(v), Lon = Lon(v) })],
            }).Where(t => t.Villages!.Count > 0)],
        }).Where(c => c.Townships!.Count > 0).ToList();
        var stations = StationCount(devices);
        return new FleetDocument
        {
            Version = 1,
            Name = $"benchmark fleet of {devices} devices",
            Counties = counties,
            Crews = [.. counties.Select(c => new CrewDocument { Id = $"crew-{c.Id}", Name = $"{c.Name}运维班组", Phone = "0356-0000000", Counties = [c.Id!] })],
            Stations = [.. Enumerable.Range(0, stations).Select(i => new StationDocument
            {
                Id = DeviceId(devices, i),
                Name = $"电站{i}",
                Class = "village",
                Village = VillageId(i / DevicesPerVillage),
                Lat = Lat(i / DevicesPerVillage),
                Lon = Lon(i / DevicesPerVillage),
                Kwp = 100 + (i % 3 * 100),
                Commissioned = "2018-06-30",
                CadenceSeconds = 60,
                Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
                Owners = [new OwnerDocument { Village = VillageId(i / DevicesPerVillage), Share = 1m }],
                Credential = credential,
            })],
            Barns = [.. Enumerable.Range(stations, devices - stations).Select(i => new BarnDocument
            {
                Id = DeviceId(devices, i),
                Name = $"养殖舍{i}",
                Species = "pig",
                Stage = "grower",
                Village = VillageId(i / DevicesPerVillage),
                Lat = Lat(i / DevicesPerVillage),
                Lon = Lon(i / DevicesPerVillage),
                HeadCount = 300,
                Fans = 4,
                CadenceSeconds = 60,
                Credential = credential,
            })],
        };
    }

    public static void Write(int devices, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, Create(devices), new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });
    }

    private static string VillageId(int v) => string.Create(CultureInfo.InvariantCulture, $"v{v:D5}");

    private static double Lat(int v) => 35.2 + (v % 97 * 0.01);

    private static double Lon(int v) => 112.4 + (v % 89 * 0.01);
}
