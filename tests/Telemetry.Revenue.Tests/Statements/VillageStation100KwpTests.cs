using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Statements;

/// <summary>
/// Hand-computed: 甲村's 100 kWp village station in April 2026 (30 days), 400 kWh a day, register 50,000 kWh on 1 April.
/// Tariff 0.332 grid + 0.518 subsidy; deductions O&amp;M 0.02 yuan/kWh, insurance 1,000/yr, land rent 2,400/yr; the plan
/// of <see cref="TestPlans.VillageA2026"/>.
/// </summary>
public sealed class VillageStation100KwpTests
{
    // Energy  = 30 × 400                         = 12,000.000 kWh
    // Grid    = 12,000 × 0.332                   =  3,984.00
    // Subsidy = 12,000 × 0.518                   =  6,216.00 (accrued, none received: cash excludes it)
    // O&M     = 12,000 × 0.02                    =    240.00
    // Insur.  = 1,000.00 / 12 = 83.333… → 100,000 fen = 12 × 8,333 + 4 spare fen → Jan–Apr get 8,334: April 83.34
    // Rent    = 2,400 / 12                       =    200.00
    // Net     = 3,984.00 − 240.00 − 83.34 − 200.00 = 3,460.66 (distributable)
    // Posts, monitored first: 护林员 王某某 600.00, 道路养护员 张某某 400.00; then 保洁员 李某某 500.00 → left 1,960.66
    // Project 村内道路修补 3,000 over Apr–Jun     = 1,000.00 → left 960.66
    // Reward 孝老敬亲 1,200 / 12                 =   100.00 → left 860.66
    // Dividends: weights A1 1×1.5, A2 1, A4 2 (sum 4.5) on 86,066 fen:
    //   A1 28,688.67, A2 19,125.78, A4 38,251.56 → floors 86,064, 2 spare → A2 (.78), A1 (.67)
    //   A1 286.89, A2 191.26, A4 382.51; sum 860.66
    private static readonly (string Item, string? Payee, decimal Due, decimal Amount)[] ExpectedLines =
    [
        ("护林员", "HH-A1", 600.00m, 600.00m),
        ("道路养护员", "HH-A3", 400.00m, 400.00m),
        ("保洁员", "HH-A2", 500.00m, 500.00m),
        ("村内道路修补", null, 1000.00m, 1000.00m),
        ("孝老敬亲奖励", "HH-A4", 100.00m, 100.00m),
        ("按股分红", "HH-A1", 286.89m, 286.89m),
        ("按股分红", "HH-A2", 191.26m, 191.26m),
        ("按股分红", "HH-A4", 382.51m, 382.51m),
    ];

    [Fact]
    public async Task April_SteadyMonth_MatchesHandComputedStatement()
    {
        await using var h = await Harness();
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400).OnTime);

        var s = await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None);

        AssertHandComputed(s!);
        Assert.All(s!.Stations[0].Days, d => Assert.Equal(EnergyQuality.Measured, d.Quality));
    }

    [Fact]
    public async Task April_CounterResetAtNoonOn15th_SameStatementAndTheResetIsNoted()
    {
        // The 15th: 55,600 → 55,700 → 55,800 (11:55), reset, 1.000 (12:05) → 100 → 200: 100 + 100 + 1 + 99 + 100 = 400 kWh.
        await using var h = await Harness();
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400, resetOn15th: true).OnTime);

        var s = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;

        AssertHandComputed(s);
        var day15 = s.Stations[0].Days.Single(d => d.Date.Day == 15);
        Assert.Equal(400.000m, day15.Kwh);
        Assert.Equal(EnergyQuality.Measured, day15.Quality);
        Assert.Contains(s.Stations[0].Events, e => e.StartsWith("2026-04-15 Reset", StringComparison.Ordinal));
        Assert.Contains(s.Notes, n => n.Contains("电表计数器归零", StringComparison.Ordinal));
    }

    [Fact]
    public async Task April_Days10To12ArriveLate_EstimatedUntilTheyArriveThenMeasured_TotalsUnchanged()
    {
        await using var h = await Harness();
        var (onTime, late) = MeterScript.April2026(50_000, 400, days10To12Late: true);
        await h.WriteAsync(RevenueFleet.Village100, onTime);

        var before = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;
        AssertHandComputed(before); // the gap's 1,200 kWh is bracketed by readings on the 9th and 13th: the month is exact
        Assert.All(before.Stations[0].Days.Where(d => d.Date.Day is >= 10 and <= 12), d =>
        {
            Assert.Equal(EnergyQuality.Estimated, d.Quality);
            Assert.Equal(EstimationMethod.DaylightProRata, d.Method);
            Assert.Equal(0, d.Readings);
        });

        await h.WriteAsync(RevenueFleet.Village100, late);
        var after = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;

        AssertHandComputed(after);
        Assert.All(after.Stations[0].Days, d => Assert.Equal(EnergyQuality.Measured, d.Quality));
        Assert.All(after.Stations[0].Days, d => Assert.Equal(400.000m, d.Kwh));
    }

    [Fact]
    public async Task April_CloudyMonth_PostsOfMonitoredHouseholdsComeFirstAndTheRestIsReportedUncovered()
    {
        // 100 kWh/day: energy 3,000; grid 996.00; O&M 60.00 + insurance 83.34 + rent 200.00 = 343.34; net 652.66.
        // Monitored posts due 1,000.00 > 652.66 → pro rata on 65,266 fen: 护林员 600/1000 → 39,159.6, 道路养护员 → 26,106.4;
        // floors 65,265, 1 spare fen → 护林员 (.6): 391.60 and 261.06. Everything after gets 0.
        // Uncovered: 208.40 + 138.94 + 500 + 1,000 + 100 = 1,947.34.
        await using var h = await Harness();
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 100).OnTime);

        var s = (await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None))!;

        Assert.Equal(652.66m, s.Totals.DistributableYuan);
        Assert.Equal([391.60m, 261.06m, 0m, 0m, 0m, 0m, 0m, 0m], s.Lines.Select(l => l.AmountYuan));
        Assert.Equal(["HH-A1", "HH-A3", "HH-A2"], s.Lines.Take(3).Select(l => l.PayeeId));
        Assert.Equal(1947.34m, s.Totals.UncoveredYuan);
        Assert.Contains(s.Notes, n => n.Contains("未覆盖 500.00 元", StringComparison.Ordinal));
    }

    private static async Task<RevenueHarness> Harness()
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Village100);
        return await RevenueHarness.CreateAsync(fleet, TestPlans.Book(fleet, TestPlans.VillageA2026()));
    }

    private static void AssertHandComputed(RevenueStatement s)
    {
        Assert.Equal(StatementStatus.Unpublished, s.Status);
        Assert.Equal("2026-04", s.Month);
        var station = Assert.Single(s.Stations);
        Assert.Equal(12_000.000m, station.EnergyKwh);
        Assert.Equal(3_984.00m, station.GridYuan);
        Assert.Equal(6_216.00m, station.SubsidyAccruedYuan);
        Assert.Equal(0m, station.SubsidyReceivedYuan);
        Assert.Equal(6_216.00m, station.SubsidyOutstandingYuan);
        Assert.Equal([240.00m, 83.34m, 200.00m], station.Deductions.Select(d => d.AppliedYuan));
        Assert.Equal(3_460.66m, station.NetYuan);
        Assert.Equal(3_460.66m, s.Totals.DistributableYuan);
        Assert.Equal(ExpectedLines, s.Lines.Select(l => (l.Item, l.PayeeId, l.DueYuan, l.AmountYuan)));
        Assert.Equal(Enumerable.Range(1, 8), s.Lines.Select(l => l.No));
        Assert.Equal(0m, s.Totals.UncoveredYuan);
    }
}
