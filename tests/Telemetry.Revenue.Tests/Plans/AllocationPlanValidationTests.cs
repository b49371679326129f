using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Plans.Document;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Plans;

public sealed class AllocationPlanValidationTests
{
    private static readonly Telemetry.Core.Fleet.FleetRegistry Fleet = RevenueFleet.Registry();

    [Fact]
    public void FromDocument_ValidPlan_IsAccepted()
    {
        var book = TestPlans.Book(Fleet, TestPlans.VillageA2026());
        var plan = book.Find("v-a", 2026)!;
        Assert.Equal(3, plan.Posts.Count);
        Assert.Equal(22_200m, plan.YearlyCommitments); // (500 + 600 + 400) × 12 + 3,000 + 1,200
        Assert.Null(book.Find("v-a", 2025));
    }

    [Fact]
    public void FromDocument_DividendsPerHead_BreaksTheEqualSplitRule()
    {
        // Shares equal to household size (3, 4, 2): the same cash per head.
        var doc = TestPlans.VillageA2026();
        doc.Dividends!.Equity = [Equity("HH-A1", 3), Equity("HH-A2", 4), Equity("HH-A3", 2)];
        var error = Single(doc);
        Assert.Equal((PlanRule.EqualSplit, "plans[0].dividends.equity"), (error.Rule, error.Path));
        Assert.Contains("严禁简单平均分配", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_SameShareForEveryHouseholdWithoutMonitoredPriority_BreaksTheEqualSplitRule()
    {
        var doc = TestPlans.VillageA2026();
        doc.Dividends = new DividendDocument
        {
            MonitoredWeight = 1m,
            Equity = [.. new[] { "HH-A1", "HH-A2", "HH-A3", "HH-A4", "HH-A5" }.Select(h => Equity(h, 1))],
        };
        Assert.Equal(PlanRule.EqualSplit, Single(doc).Rule);
    }

    [Fact]
    public void FromDocument_SameShareForEveryHouseholdWithMonitoredPriority_IsAccepted()
    {
        var doc = TestPlans.VillageA2026();
        doc.Dividends = new DividendDocument
        {
            MonitoredWeight = 1.5m,
            Equity = [.. new[] { "HH-A1", "HH-A2", "HH-A3", "HH-A4", "HH-A5" }.Select(h => Equity(h, 1))],
        };
        Assert.NotNull(TestPlans.Book(Fleet, doc).Find("v-a", 2026));
    }

    [Fact]
    public void FromDocument_CommitmentsAbovePlannedDistributable_BreaksTheOverAllocatedRule()
    {
        // Commitments 22,200 a year against 20,000 planned.
        var doc = TestPlans.VillageA2026();
        doc.PlannedDistributable = 20_000m;
        var error = Single(doc);
        Assert.Equal((PlanRule.OverAllocated, "plans[0]"), (error.Rule, error.Path));
        Assert.Contains("22200.00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_PostWithoutHolder_BreaksThePostWithoutHolderRule()
    {
        var doc = TestPlans.VillageA2026();
        doc.Posts![1].Holder = null;
        Assert.Equal((PlanRule.PostWithoutHolder, "plans[0].posts[1].holder"), (Single(doc).Rule, Single(doc).Path));
    }

    [Fact]
    public void FromDocument_UnknownHousehold_BreaksTheUnknownHouseholdRule()
    {
        var doc = TestPlans.VillageA2026();
        doc.Dividends!.Equity![2].Household = "HH-Z9";
        var error = Single(doc);
        Assert.Equal((PlanRule.UnknownHousehold, "plans[0].dividends.equity[2].household"), (error.Rule, error.Path));
    }

    [Fact]
    public void FromDocument_HouseholdOfAnotherVillage_IsRefused()
    {
        var doc = TestPlans.VillageA2026();
        doc.Rewards![0].Recipient = "HH-B1";
        Assert.Equal((PlanRule.HouseholdOfOtherVillage, "plans[0].rewards[0].recipient"), (Single(doc).Rule, Single(doc).Path));
    }

    [Fact]
    public void FromDocument_UnknownVillageAndDuplicatePlan_AreBothReported()
    {
        var unknown = TestPlans.VillageA2026();
        unknown.Village = "v-zz";
        var e = Assert.Throws<AllocationPlanException>(() =>
            AllocationPlanLoader.FromDocument(new PlansFileDocument { Version = 1, Plans = [TestPlans.VillageA2026(), TestPlans.VillageA2026(), unknown] }, Fleet));
        Assert.Contains(e.Errors, x => x.Rule == PlanRule.Duplicate && x.Path == "plans[1]");
        Assert.Contains(e.Errors, x => x.Rule == PlanRule.UnknownVillage && x.Path == "plans[2].village");
    }

    [Fact]
    public void FromDocument_WageInFractionsOfAFen_BreaksTheWholeFenRule()
    {
        var doc = TestPlans.VillageA2026();
        doc.Posts![0].MonthlyWage = 500.005m;
        Assert.Equal((PlanRule.WholeFen, "plans[0].posts[0].monthlyWage"), (Single(doc).Rule, Single(doc).Path));
    }

    [Fact]
    public void Load_UnknownKey_NamesThePath()
    {
        using var json = new MemoryStream("""{ "version": 1, "plans": [ { "village": "v-a", "bonus": 1 } ] }"""u8.ToArray());
        var e = Assert.Throws<AllocationPlanException>(() => AllocationPlanLoader.Load(json, "test.json", Fleet));
        Assert.Contains("bonus", e.Errors[0].Path + e.Errors[0].Message, StringComparison.Ordinal);
    }

    private static EquityDocument Equity(string household, decimal shares) => new() { Household = household, Shares = shares };

    private static PlanValidationError Single(PlanDocument doc) =>
        Assert.Single(Assert.Throws<AllocationPlanException>(() => TestPlans.Book(Fleet, doc)).Errors);
}
