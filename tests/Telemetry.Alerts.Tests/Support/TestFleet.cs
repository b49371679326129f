using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>
/// A small registry built in code: village v1 with four village stations (peers), village v2 with one household
/// station, and barns of several species (one with an NH3 override).
/// </summary>
internal static class TestFleet
{
    private static readonly Lazy<FleetRegistry> Instance = new(Build);

    public static FleetRegistry Registry => Instance.Value;

    public static Station Station(string id) => Registry.Stations.Single(s => s.Id == id);

    public static Barn Barn(string id) => Registry.Barns.Single(b => b.Id == id);

    private static FleetRegistry Build()
    {
        var hash = CredentialHasher.Hash("test-password", 1_000);
        StationDocument Pv(string id, string village, double kwp, string cls, int cadence = 60) => new()
        {
            Id = id,
            Name = id,
            Class = cls,
            Village = village,
            Lat = 35.6,
            Lon = 112.9,
            Kwp = kwp,
            Commissioned = "2020-06-30",
            CadenceSeconds = cadence,
            Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
            Owners = cls == "household" ? null : [new OwnerDocument { Village = village, Share = 1m }],
            Household = cls == "household" ? "HH-1" : null,
            Credential = hash,
        };
        BarnDocument Animal(string id, string species, string stage, int fans = 4, Dictionary<string, double>? thresholds = null) => new()
        {
            Id = id,
            Name = id,
            Species = species,
            Stage = stage,
            Village = "v1",
            Lat = 35.6,
            Lon = 112.9,
            HeadCount = 300,
            Fans = fans,
            Thresholds = thresholds,
            Credential = hash,
        };

        return FleetRegistryLoader.FromDocument(new FleetDocument
        {
            Version = 1,
            Name = "测试",
            Counties =
            [
                new CountyDocument
                {
                    Id = "zezhou", Name = "泽州县", NameEn = "Zezhou",
                    Townships =
                    [
                        new TownshipDocument
                        {
                            Id = "bagong", Name = "巴公镇",
                            Villages =
                            [
                                new VillageDocument { Id = "v1", Name = "西郜村", NameEn = "Xigao", Lat = 35.6, Lon = 112.9 },
                                new VillageDocument { Id = "v2", Name = "东四义村", NameEn = "Dongsiyi", Lat = 35.62, Lon = 112.95 },
                            ],
                        },
                    ],
                },
            ],
            Crews = [new CrewDocument { Id = "crew-1", Name = "一班", Phone = "0356-1234567", Counties = ["zezhou"] }],
            Households = [new HouseholdDocument { Id = "HH-1", Village = "v2", Head = "王某某", Members = 3, Monitored = true }],
            Stations =
            [
                Pv("PV-1", "v1", 100, "village"), Pv("PV-2", "v1", 150, "village"), Pv("PV-3", "v1", 200, "village"), Pv("PV-4", "v1", 120, "village"),
                Pv("PV-H", "v2", 5, "household", 300),
            ],
            Barns =
            [
                Animal("PIG", "pig", "grower"),
                Animal("PIG-STRICT", "pig", "grower", thresholds: new() { ["nh3_ppm.max"] = 10 }),
                Animal("COW", "cattle", "beef"),
                Animal("SHEEP", "sheep", "fattening"),
                Animal("BEES", "bee", "apiary", fans: 0),
            ],
        });
    }
}
