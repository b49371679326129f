using Telemetry.Core.Fleet;
using Telemetry.Revenue.Plans;

namespace Telemetry.Revenue.Tests.Plans;

public sealed class JinchengSampleTests
{
    private static readonly FleetRegistry Fleet = FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"));

    [Fact]
    public void LoadFile_JinchengPlans_EveryVillageHasAValidPlanForTheYearWithPostsAndMonitoredPriority()
    {
        var book = AllocationPlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.revenue.json"), Fleet);

        Assert.All(Fleet.Villages, v =>
        {
            var plan = book.Find(v.Id, 2026);
            Assert.NotNull(plan);
            Assert.NotEmpty(plan.Posts);
            Assert.All(plan.Posts, p => Assert.InRange(p.MonthlyWage, 300m, 600m));
            Assert.True(plan.Dividends!.MonitoredWeight > 1m);
            Assert.True(plan.YearlyCommitments <= plan.PlannedDistributable);
        });
    }

    [Fact]
    public void LoadFile_JinchengFleet_HasDeductionsLoansAndAMeterReplacement()
    {
        Assert.All(Fleet.Stations, s => Assert.NotEmpty(s.Deductions));
        Assert.Contains(Fleet.Stations, s => s.Loan is { MonthlyYuan: > 0m });
        Assert.All(Fleet.Stations.Where(s => s.Loan is not null), s => Assert.Equal(StationClass.Household, s.Class));
        Assert.Contains(Fleet.Stations, s => s.MeterReplacements.Count > 0);
    }
}
