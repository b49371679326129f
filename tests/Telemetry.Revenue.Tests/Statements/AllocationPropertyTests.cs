using CsCheck;
using Telemetry.Core.Fleet;
using Telemetry.Revenue.Allocation;
using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Tests.Statements;

/// <summary>Random plans and amounts: lines always add up to the amount, are never negative, never exceed what is due.</summary>
public sealed class AllocationPropertyTests
{
    private static readonly Village Village = new()
    {
        Id = "v",
        Name = "测试村",
        NameEn = "Test",
        Latitude = 35.5,
        Longitude = 112.85,
        Township = new Township { Id = "t", Name = "测试镇", County = new County { Id = "c", Name = "测试县", NameEn = "Test" } },
    };

    private static readonly Gen<Household> Households =
        Gen.Select(Gen.Int[1, 99_999], Gen.Bool, Gen.Int[1, 8]).Select((id, monitored, members) =>
            new Household { Id = $"HH-{id}", HeadName = "某某", Village = Village, Members = members, Monitored = monitored });

    private static readonly Gen<AllocationPlan> PlansGen =
        from posts in Gen.Select(Households, Gen.Long[1, 300_000], Gen.Int[1, 12].Array[1, 12])
            .Select((h, wageFen, months) => new PlanPost("P", "保洁员", h, wageFen / 100m, months.ToHashSet())).Array[0, 6]
        from projects in Gen.Select(Gen.Long[1, 5_000_000], Gen.Int[1, 12].Array[1, 12])
            .Select((fen, months) => new PlanBudgetItem("W", "道路修补", null, fen / 100m, [.. months.Distinct().Order()])).Array[0, 3]
        from rewards in Gen.Select(Households, Gen.Long[1, 500_000])
            .Select((h, fen) => new PlanBudgetItem("R", "奖励", h, fen / 100m, [.. Enumerable.Range(1, 12)])).Array[0, 3]
        from equity in Gen.Select(Households, Gen.Int[1, 20]).Select((h, s) => new EquityShare(h, s)).Array[0, 8]
        from weight in Gen.Int[10, 30]
        from maxShare in Gen.Int[1, 100]
        from order in Gen.Shuffle(new[] { AllocationTier.Posts, AllocationTier.Projects, AllocationTier.Rewards, AllocationTier.Dividends })
        select new AllocationPlan(
            Village, 2026, new DateOnly(2026, 1, 1), 1_000_000m, posts, projects, rewards,
            equity.Length == 0 ? null : new DividendPlan(equity, weight / 10m, maxShare / 100m), order);

    private static readonly Gen<(AllocationPlan? Plan, decimal Amount, DateOnly Month)> Cases =
        Gen.Select(PlansGen.Null(), Gen.Long[0, 10_000_000], Gen.Int[1, 12]).Select((p, fen, m) => (p, fen / 100m, new DateOnly(2026, m, 1)));

    [Fact]
    public void Allocate_AnyPlanAndAmount_LinesSumExactlyAndAreNeverNegativeNorAboveWhatIsDue() =>
        Cases.Sample(c =>
        {
            var lines = Allocator.Allocate(c.Amount, c.Plan, c.Month);
            Assert.Equal(c.Amount, lines.Sum(l => l.AmountYuan));
            Assert.All(lines, l =>
            {
                Assert.True(l.AmountYuan >= 0m);
                Assert.True(l.AmountYuan <= l.DueYuan);
                Assert.Equal(l.AmountYuan, decimal.Round(l.AmountYuan, 2));
            });
        });

    [Fact]
    public void Allocate_AnyPlanAndAmount_NoOrdinaryPostIsPaidBeforeEveryMonitoredPostIsPaidInFull() =>
        Cases.Sample(c =>
        {
            var posts = Allocator.Allocate(c.Amount, c.Plan, c.Month).Where(l => l.Category == AllocationCategory.Post).ToList();
            if (posts.Any(p => !p.Monitored && p.AmountYuan > 0m))
            {
                Assert.All(posts.Where(p => p.Monitored), p => Assert.Equal(p.DueYuan, p.AmountYuan));
            }
        });

    [Fact]
    public void Allocate_EnoughMoneyAndDividendsLast_EveryCommitmentIsCovered() =>
        Gen.Select(PlansGen, Gen.Int[1, 12]).Sample((plan, m) =>
        {
            var month = new DateOnly(2026, m, 1);
            var standard = plan with { Priority = [AllocationTier.Posts, AllocationTier.Projects, AllocationTier.Rewards, AllocationTier.Dividends] };
            var lines = Allocator.Allocate(plan.YearlyCommitments + 1m, standard, month);
            Assert.All(lines, l => Assert.Equal(0m, l.UncoveredYuan));
        });
}
