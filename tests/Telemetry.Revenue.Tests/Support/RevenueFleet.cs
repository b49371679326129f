using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Revenue.Tests.Support;

/// <summary>
/// The test fleet: county 泽州县, township 巴公镇, villages v-a (甲村), v-b (乙村), v-c (丙村); a 100 kWp village station of
/// v-a, a 300 kWp joint station of v-a/v-b/v-c (40/35/25) and a 5 kWp household station in v-a. Scenarios keep only the
/// stations they are about, so each statement holds exactly what the test computes by hand.
/// </summary>
internal static class RevenueFleet
{
    public const string Village100 = "PV-V100";
    public const string Joint300 = "PV-N300";
    public const string Household5 = "PV-H5";

    private static readonly Lazy<string> Credential = new(() => CredentialHasher.Hash("test-password", 1_000));

    /// <summary>A fleet with the named stations (all three when none are named).</summary>
    public static FleetRegistry Registry(params string[] stations) => FleetRegistryLoader.FromDocument(Document(stations));

    public static FleetDocument Document(params string[] stations)
    {
        var all = new[] { Village100Station(), Joint300Station(), Household5Station() };
        return new FleetDocument
        {
            Version = 1,
            Name = "收益测试车队",
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
                                new VillageDocument { Id = "v-a", Name = "甲村", NameEn = "Jia", Lat = 35.5, Lon = 112.85 },
                                new VillageDocument { Id = "v-b", Name = "乙村", NameEn = "Yi", Lat = 35.52, Lon = 112.88 },
                                new VillageDocument { Id = "v-c", Name = "丙村", NameEn = "Bing", Lat = 35.48, Lon = 112.82 },
                            ],
                        },
                    ],
                },
            ],
            Crews = [new CrewDocument { Id = "crew-1", Name = "泽州县运维一班", Phone = "0356-1234567", Counties = ["zezhou"] }],
            Households =
            [
                new HouseholdDocument { Id = "HH-A1", Village = "v-a", Head = "王某某", Members = 3, Monitored = true },
                new HouseholdDocument { Id = "HH-A2", Village = "v-a", Head = "李某某", Members = 4, Monitored = false },
                new HouseholdDocument { Id = "HH-A3", Village = "v-a", Head = "张某某", Members = 2, Monitored = true },
                new HouseholdDocument { Id = "HH-A4", Village = "v-a", Head = "刘某某", Members = 5, Monitored = false },
                new HouseholdDocument { Id = "HH-A5", Village = "v-a", Head = "陈某某", Members = 2, Monitored = true },
                new HouseholdDocument { Id = "HH-B1", Village = "v-b", Head = "杨某某", Members = 3, Monitored = false },
                new HouseholdDocument { Id = "HH-C1", Village = "v-c", Head = "赵某某", Members = 3, Monitored = true },
            ],
            Stations = stations.Length == 0 ? [.. all] : [.. all.Where(s => stations.Contains(s.Id))],
        };
    }

    private static StationDocument Village100Station() => new()
    {
        Id = Village100,
        Name = "甲村村级光伏帮扶电站",
        Class = "village",
        Village = "v-a",
        Lat = 35.5,
        Lon = 112.85,
        Kwp = 100,
        Commissioned = "2018-06-30",
        Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
        Owners = [new OwnerDocument { Village = "v-a", Share = 1m }],
        Deductions =
        [
            new DeductionDocument { Kind = "operationAndMaintenance", YuanPerKwh = 0.02m },
            new DeductionDocument { Kind = "insurance", YuanPerYear = 1000m },
            new DeductionDocument { Kind = "landRent", YuanPerYear = 2400m },
        ],
        Credential = Credential.Value,
    };

    private static StationDocument Joint300Station() => new()
    {
        Id = Joint300,
        Name = "巴公联村光伏帮扶电站",
        Class = "national",
        Village = "v-a",
        Lat = 35.51,
        Lon = 112.86,
        Kwp = 300,
        Commissioned = "2016-06-30",
        Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.648m },
        Owners =
        [
            new OwnerDocument { Village = "v-a", Share = 0.4m },
            new OwnerDocument { Village = "v-b", Share = 0.35m },
            new OwnerDocument { Village = "v-c", Share = 0.25m },
        ],
        Deductions = [new DeductionDocument { Kind = "operationAndMaintenance", YuanPerYear = 12000m }],
        Credential = Credential.Value,
    };

    private static StationDocument Household5Station() => new()
    {
        Id = Household5,
        Name = "甲村陈某某户用光伏",
        Class = "household",
        Village = "v-a",
        Lat = 35.5,
        Lon = 112.85,
        Kwp = 5,
        Commissioned = "2017-05-01",
        Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.42m },
        Household = "HH-A5",
        Deductions = [new DeductionDocument { Kind = "insurance", YuanPerYear = 60m }],
        Loan = new LoanDocument { Lender = "县光伏扶贫投资公司", MonthlyYuan = 100m, Share = 0.2m, LastMonth = "2027-12" },
        Credential = Credential.Value,
    };
}
