using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Core.Tests.Support;

/// <summary>Small registries built in code: one county, two villages, a station of each class and a barn.</summary>
internal static class TestFleet
{
    public const string Seed = "test-seed";

    // PBKDF2 is slow on purpose; hash once per process.
    private static readonly Lazy<Dictionary<string, string>> Hashes = new(() =>
        new[] { "PV-V1", "PV-N1", "PV-H1", "BARN-1", "BARN-2" }.ToDictionary(id => id, id => CredentialHasher.Hash(CredentialHasher.DeriveDevicePassword(Seed, id), 1_000)));

    public static FleetDocument Document() => new()
    {
        Version = 1,
        Name = "测试车队",
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
        Crews = [new CrewDocument { Id = "crew-1", Name = "泽州县运维一班", Phone = "0356-1234567", Counties = ["zezhou"] }],
        Households = [new HouseholdDocument { Id = "HH-1", Village = "v1", Head = "王某某", Members = 3, Monitored = true }],
        Stations =
        [
            Station("PV-V1", "village", 100, owners: [new OwnerDocument { Village = "v1", Share = 1m }]),
            Station("PV-N1", "national", 300, owners: [new OwnerDocument { Village = "v1", Share = 0.6m }, new OwnerDocument { Village = "v2", Share = 0.4m }]),
            Station("PV-H1", "household", 5, household: "HH-1"),
        ],
        Barns =
        [
            new BarnDocument { Id = "BARN-1", Name = "西郜村生猪舍", Species = "pig", Stage = "grower", Village = "v1", Lat = 35.6, Lon = 112.9, HeadCount = 500, Fans = 4, Credential = Hashes.Value["BARN-1"] },
            new BarnDocument { Id = "BARN-2", Name = "东四义村蜂场", Species = "bee", Stage = "apiary", Village = "v2", Lat = 35.62, Lon = 112.95, HeadCount = 80, Credential = Hashes.Value["BARN-2"] },
        ],
    };

    public static FleetRegistry Registry() => FleetRegistryLoader.FromDocument(Document());

    private static StationDocument Station(string id, string cls, double kwp, List<OwnerDocument>? owners = null, string? household = null) => new()
    {
        Id = id,
        Name = id + " 光伏电站",
        Class = cls,
        Village = "v1",
        Lat = 35.6,
        Lon = 112.9,
        Kwp = kwp,
        Commissioned = "2018-06-30",
        Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
        Owners = owners,
        Household = household,
        Credential = Hashes.Value[id],
    };
}
