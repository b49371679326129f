using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;

namespace Telemetry.Benchmarks.Revenue;

/// <summary>
/// A synthetic fleet: villages of ten 100–300 kWp village stations each, with deductions, one county per 100 villages; the
/// meter replacements of <see cref="BenchmarkMeter"/> are recorded in it.
/// </summary>
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
            MeterReplacements = BenchmarkMeter.For(i, Capacity(i)).Replacement is { } swap
                ?
                [
                    new MeterReplacementDocument
                    {
                        At = swap.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                        OldMeterFinalKwh = swap.OldMeterFinalKwh,
                        NewMeterInitialKwh = swap.NewMeterInitialKwh,
                        Note = swap.Note,
                    },
                ]
                : null,
            Id = $"PV-{i:D5}",
            Name = $"电站{i}",
            Class = "village",
            Village = $"v{i / 10}",
            Lat = 35.5,
            Lon = 112.85,
            Kwp = (double)Capacity(i),
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

    /// <summary>Station <paramref name="index"/>'s capacity: 100, 200 or 300 kWp.</summary>
    public static decimal Capacity(int index) => 100 + (index % 3 * 100);
}
