using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Benchmarks.Revenue;

/// <summary>A synthetic fleet: villages of ten 100–300 kWp village stations each, with deductions, one county per 100 villages.</summary>
internal static class BenchmarkFleet
{
    public static FleetRegistry Create(int stations)
    {
        var credential = CredentialHasher.Hash("bench", 1_000);
        var villages = (stations + 9) / 10;
        var counties = Enumerable.Range(0, (villages + 99) / 100).Select(c => new CountyDocument
        {
            Id = $"c{c}",
            Name = $"县{c}",
            NameEn = $"County {c}",
            Townships =
            [
                new TownshipDocument
                {
                    Id = $"c{c}-t", Name = $"镇{c}",
                    Villages = [.. Enumerable.Range(c * 100, Math.Min(100, villages - (c * 100))).Select(v =>
                        new VillageDocument { Id = $"v{v}", Name = $"村{v}", NameEn = $"Village {v}", Lat = 35.5, Lon = 112.85 })],
                },
            ],
        }).ToList();
        var stationDocs = Enumerable.Range(0, stations).Select(i => new StationDocument
        {
            Id = $"PV-{i:D5}",
            Name = $"电站{i}",
            Class = "village",
            Village = $"v{i / 10}",
            Lat = 35.5,
            Lon = 112.85,
            Kwp = 100 + (i % 3 * 100),
            Commissioned = "2018-06-30",
            Tariff = new TariffDocument { Grid = 0.332m, Subsidy = 0.518m },
            Owners = [new OwnerDocument { Village = $"v{i / 10}", Share = 1m }],
            Deductions =
            [
                new DeductionDocument { Kind = "operationAndMaintenance", YuanPerKwh = 0.02m },
                new DeductionDocument { Kind = "insurance", YuanPerYear = 300m },
            ],
            Credential = credential,
        }).ToList();
        return FleetRegistryLoader.FromDocument(new FleetDocument
        {
            Version = 1,
            Name = "benchmark",
            Counties = counties,
            Stations = stationDocs,
            Crews = [new CrewDocument { Id = "crew", Name = "班组", Phone = "0356-0000000", Counties = [.. counties.Select(c => c.Id!)] }],
        });
    }
}
