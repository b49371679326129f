using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Portal.Tests.Fakes;

/// <summary>
/// A small fleet in two counties: 泽州县 (two villages: a village, a national and a household station, a pig barn) and
/// 陵川县 (one village: a village station and a sheep barn).
/// </summary>
internal static class TestFleet
{
    private static readonly Lazy<FleetRegistry> Shared = new(Build);

    public static FleetRegistry Registry => Shared.Value;

    public static Device Device(string id) => Registry.TryGetDevice(id, out var device) ? device : throw new KeyNotFoundException(id);

    private static FleetRegistry Build()
    {
        // One hash for all: PBKDF2 is slow on purpose, and the portal never checks it.
        var credential = CredentialHasher.Hash("test-password");
        return FleetRegistryLoader.FromDocument(new FleetDocument
        {
            Version = 1,
            Name = "测试车队",
            Counties =
            [
                County("zezhou", "泽州县", "Zezhou", ("zezhou-bg", "巴公镇", [("zz-v1", "东四义村", "Dongsiyi"), ("zz-v2", "西郜村", "Xigao")])),
                County("lingchuan", "陵川县", "Lingchuan", ("lc-ly", "礼义镇", [("lc-v1", "平川村", "Pingchuan")])),
            ],
            Crews = [new CrewDocument { Id = "crew-1", Name = "运维一班", Phone = "0356-1234567", Counties = ["zezhou", "lingchuan"] }],
            Households = [new HouseholdDocument { Id = "HH-1", Village = "zz-v2", Head = "李某某", Members = 3, Monitored = true }],
            Stations =
            [
                Station("PV-V001", "东四义村村级光伏电站", "village", "zz-v1", 200, credential),
                Station("PV-N001", "巴公联村集中式光伏电站", "national", "zz-v1", 1_000, credential),
                Station("PV-H001", "李某某户用光伏", "household", "zz-v2", 5.4, credential, household: "HH-1"),
                Station("PV-V002", "平川村村级光伏电站", "village", "lc-v1", 100, credential),
            ],
            Barns =
            [
                new BarnDocument { Id = "BARN-001", Name = "西郜村生猪养殖舍", Species = "pig", Stage = "grower", Village = "zz-v2", Lat = 35.6, Lon = 112.9, HeadCount = 300, Fans = 4, CadenceSeconds = 60, Credential = credential },
                new BarnDocument { Id = "BARN-002", Name = "平川村肉羊养殖舍", Species = "sheep", Stage = "fattening", Village = "lc-v1", Lat = 35.7, Lon = 113.2, HeadCount = 120, Fans = 2, CadenceSeconds = 60, Credential = credential },
            ],
        });
    }

    private static CountyDocument County(string id, string name, string nameEn, (string Id, string Name, (string Id, string Name, string NameEn)[] Villages) township) => new()
    {
        Id = id,
        Name = name,
        NameEn = nameEn,
        Townships =
        [
            new TownshipDocument
            {
                Id = township.Id,
                Name = township.Name,
                Villages = [.. township.Villages.Select(v => new VillageDocument { Id = v.Id, Name = v.Name, NameEn = v.NameEn, Lat = 35.6, Lon = 112.9 })],
            },
        ],
    };

    private static StationDocument Station(string id, string name, string cls, string village, double kwp, string credential, string? household = null) => new()
    {
        Id = id,
        Name = name,
        Class = cls,
        Village = village,
        Lat = 35.6,
        Lon = 112.9,
        Kwp = kwp,
        Commissioned = "2018-06-30",
        CadenceSeconds = 60,
        Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
        Owners = household is null ? [new OwnerDocument { Village = village, Share = 1m }] : null,
        Household = household,
        Credential = credential,
    };
}
