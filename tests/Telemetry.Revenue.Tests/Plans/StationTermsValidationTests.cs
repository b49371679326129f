using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Plans;

/// <summary>The registry's revenue terms (meter replacements, deductions, loans) are validated with the key at fault.</summary>
public sealed class StationTermsValidationTests
{
    [Fact]
    public void FromDocument_BadTerms_NameTheKeys()
    {
        var doc = RevenueFleet.Document(RevenueFleet.Village100, RevenueFleet.Household5);
        var village = doc.Stations![0];
        village.Loan = new LoanDocument { Lender = "银行", MonthlyYuan = 100m, LastMonth = "2027-12" };
        village.Deductions = [new DeductionDocument { Kind = "tax", YuanPerYear = 1m }, new DeductionDocument { Kind = "insurance" }];
        village.MeterReplacements = [new MeterReplacementDocument { At = "2025-04-18", OldMeterFinalKwh = 1m, NewMeterInitialKwh = 0m }];
        doc.Stations[1].Loan!.LastMonth = "2027/12";

        var errors = Assert.Throws<FleetRegistryException>(() => FleetRegistryLoader.FromDocument(doc)).Errors.Select(e => e.Path).ToList();

        Assert.Contains("stations[0].loan", errors);
        Assert.Contains("stations[0].deductions[0].kind", errors);
        Assert.Contains("stations[0].deductions[1]", errors);
        Assert.Contains("stations[0].meterReplacements[0].at", errors);
        Assert.Contains("stations[1].loan.lastMonth", errors);
    }

    [Fact]
    public void FromDocument_GoodTerms_AreReadIntoTheStation()
    {
        var doc = RevenueFleet.Document(RevenueFleet.Village100);
        doc.Stations![0].MeterReplacements = [new MeterReplacementDocument { At = "2025-04-18T10:30:00+08:00", OldMeterFinalKwh = 123456.7m, NewMeterInitialKwh = 0m, Note = "YW-1" }];

        var station = FleetRegistryLoader.FromDocument(doc).Stations[0];

        Assert.Equal(new MeterReplacement(new DateTimeOffset(2025, 4, 18, 10, 30, 0, TimeSpan.FromHours(8)), 123456.7m, 0m, "YW-1"), station.MeterReplacements[0]);
        Assert.Equal([DeductionKind.OperationAndMaintenance, DeductionKind.Insurance, DeductionKind.LandRent], station.Deductions.Select(d => d.Kind));
    }
}
