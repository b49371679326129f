using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tariffs;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Statements;

/// <summary>
/// Hand-computed: the 300 kWp joint station owned by 甲村 40%, 乙村 35%, 丙村 25%, April 2026, 1,200 kWh a day, tariff 0.332
/// grid + 0.648 subsidy, O&amp;M 12,000 a year; a subsidy batch of 10,000.01 for 2025 received on 20 April.
/// 甲村 has <see cref="TestPlans.VillageAJoint2026"/>; 乙村 and 丙村 have no plan (their part is retained).
/// </summary>
public sealed class JointVillageStation300KwpTests
{
    // Station: energy 30 × 1,200 = 36,000 kWh; grid 36,000 × 0.332 = 11,952.00; subsidy 36,000 × 0.648 = 23,328.00; O&M 1,000.00.
    // Split 40/35/25 (all exact in fen):          甲 4,780.80 / 乙 4,183.20 / 丙 2,988.00 (sum 11,952.00)
    //   subsidy accrued                            甲 9,331.20 / 乙 8,164.80 / 丙 5,832.00
    //   O&M                                        甲   400.00 / 乙   350.00 / 丙   250.00
    //   energy                                     甲 14,400   / 乙 12,600   / 丙 9,000
    // Batch 1,000,001 fen: quotas 400,000.4 / 350,000.35 / 250,000.25 → floors 1,000,000, 1 spare → 甲 (.4)
    //                                              甲 4,000.01 / 乙 3,500.00 / 丙 2,500.00 (sum 10,000.01)
    //   it pays for 2025, which no statement booked: unmatched; this month's accrual stays outstanding.
    // Net = grid + subsidy received − O&M:         甲 8,380.81 / 乙 7,333.20 / 丙 5,238.00
    // 甲's plan: 护林员 王某某 600.00; dividends on 7,780.81: weights 1.5 (A1, monitored) and 1 → 778,081 fen:
    //   466,848.6 and 311,232.4 → floors 778,080, 1 spare → A1 (.6): 4,668.49 and 3,112.32.
    private static readonly (string Village, decimal Energy, decimal Grid, decimal Accrued, decimal Received, decimal Om, decimal Net)[] Parts =
    [
        ("v-a", 14_400m, 4_780.80m, 9_331.20m, 4_000.01m, 400.00m, 8_380.81m),
        ("v-b", 12_600m, 4_183.20m, 8_164.80m, 3_500.00m, 350.00m, 7_333.20m),
        ("v-c", 9_000m, 2_988.00m, 5_832.00m, 2_500.00m, 250.00m, 5_238.00m),
    ];

    public static TheoryData<bool, bool> Variants => new() { { false, false }, { true, false }, { false, true } };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task April_EachOwnerVillage_GetsItsShareExactly(bool reset, bool late)
    {
        await using var h = await Harness();
        var (onTime, lateReadings) = MeterScript.April2026(120_000, 1_200, resetOn15th: reset, days10To12Late: late);
        await h.WriteAsync(RevenueFleet.Joint300, onTime);

        foreach (var (village, energy, grid, accrued, received, om, net) in Parts)
        {
            var s = (await h.Service.GetAsync(village, MeterScript.April, CancellationToken.None))!;
            var station = Assert.Single(s.Stations);
            Assert.Equal(36_000.000m, station.EnergyKwh);
            Assert.Equal(energy, station.ShareEnergyKwh);
            Assert.Equal((grid, accrued, received, om, net), (station.GridYuan, station.SubsidyAccruedYuan, station.SubsidyReceivedYuan, station.DeductionsYuan, station.NetYuan));
            Assert.Equal(accrued, station.SubsidyOutstandingYuan);
            Assert.Equal(received, station.SubsidyUnmatchedYuan);
            Assert.Equal(net, s.Totals.DistributableYuan);
            Assert.Equal(net, s.Lines.Sum(l => l.AmountYuan));
            Assert.Equal(late ? EnergyQuality.Estimated : EnergyQuality.Measured, station.Quality);
        }

        var a = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;
        Assert.Equal([("HH-A1", 600.00m), ("HH-A1", 4_668.49m), ("HH-A2", 3_112.32m)], a.Lines.Select(l => (l.PayeeId!, l.AmountYuan)));
        var b = (await h.Service.GetAsync("v-b", MeterScript.April, CancellationToken.None))!;
        Assert.Equal(AllocationCategory.Retained, Assert.Single(b.Lines).Category);

        if (late)
        {
            await h.WriteAsync(RevenueFleet.Joint300, lateReadings);
            var after = (await h.Service.GetAsync("v-c", MeterScript.April, CancellationToken.None))!;
            Assert.Equal(EnergyQuality.Measured, after.Stations[0].Quality);
            Assert.Equal(5_238.00m, after.Totals.DistributableYuan);
        }
    }

    private static async Task<RevenueHarness> Harness()
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Joint300);
        var h = await RevenueHarness.CreateAsync(fleet, TestPlans.Book(fleet, TestPlans.VillageAJoint2026()));
        await h.Ledger.RecordBatchAsync(
            new SubsidyBatch(0, RevenueFleet.Joint300, new DateOnly(2026, 4, 20), 10_000.01m, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1), "2025年度第一批", h.Time.Now),
            CancellationToken.None);
        return h;
    }
}
