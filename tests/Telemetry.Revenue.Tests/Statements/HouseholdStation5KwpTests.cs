using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Statements;

/// <summary>
/// Hand-computed: 陈某某's 5 kWp household station in 甲村, April 2026, tariff 0.332 grid + 0.42 subsidy, insurance 60 a year,
/// a loan repaid at 100 a month plus 20% of the month's net revenue until December 2027.
/// </summary>
public sealed class HouseholdStation5KwpTests
{
    public static TheoryData<bool, bool> Variants => new() { { false, false }, { true, false }, { false, true } };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task April_LoanIsRepaidFirstAndTheRestGoesToTheHousehold(bool reset, bool late)
    {
        // Energy 30 × 20 = 600 kWh; grid 600 × 0.332 = 199.20; subsidy 600 × 0.42 = 252.00 accrued (not cash yet).
        // Insurance 60.00 / 12 = 5.00. Net 199.20 − 5.00 = 194.20.
        // Loan due 100.00 + 20% × 194.20 (38.84) = 138.84, fully repaid; the household gets 194.20 − 138.84 = 55.36.
        await using var h = await Harness();
        var (onTime, lateReadings) = MeterScript.April2026(30_000, 20, resetOn15th: reset, days10To12Late: late);
        await h.WriteAsync(RevenueFleet.Household5, onTime);

        var s = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;

        var station = Assert.Single(s.Stations);
        Assert.Equal("HH-A5", station.Recipient);
        Assert.Equal((600.000m, 199.20m, 252.00m, 5.00m, 194.20m), (station.EnergyKwh, station.GridYuan, station.SubsidyAccruedYuan, station.DeductionsYuan, station.NetYuan));
        Assert.Equal(
            [(AllocationCategory.LoanRepayment, "县光伏扶贫投资公司", 138.84m, 138.84m), (AllocationCategory.HouseholdIncome, "HH-A5", 55.36m, 55.36m)],
            s.Lines.Select(l => (l.Category, l.PayeeId!, l.DueYuan, l.AmountYuan)));
        Assert.Equal(194.20m, s.Totals.DistributableYuan);
        Assert.Equal(0m, s.Totals.CollectiveDistributableYuan);
        Assert.All(s.Lines, l => Assert.Equal(RevenueFleet.Household5, l.Source));

        if (late)
        {
            await h.WriteAsync(RevenueFleet.Household5, lateReadings);
            var after = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;
            Assert.Equal(55.36m, after.Lines[^1].AmountYuan);
        }
    }

    [Fact]
    public async Task April_PoorMonth_LoanTakesAllAndTheShortfallIsShown()
    {
        // 5 kWh/day: 150 kWh; grid 49.80; insurance 5.00; net 44.80. Loan due 100.00 + 20% × 44.80 (8.96) = 108.96;
        // repaid 44.80 (uncovered 64.16); household 0.00.
        await using var h = await Harness();
        await h.WriteAsync(RevenueFleet.Household5, MeterScript.April2026(30_000, 5).OnTime);

        var s = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;

        Assert.Equal([(108.96m, 44.80m), (0m, 0m)], s.Lines.Select(l => (l.DueYuan, l.AmountYuan)));
        Assert.Equal(64.16m, s.Totals.UncoveredYuan);
    }

    private static async Task<RevenueHarness> Harness() => await RevenueHarness.CreateAsync(RevenueFleet.Registry(RevenueFleet.Household5));
}
