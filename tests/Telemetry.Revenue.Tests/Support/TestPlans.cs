using Telemetry.Core.Fleet;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Plans.Document;

namespace Telemetry.Revenue.Tests.Support;

/// <summary>Allocation plans for the test fleet.</summary>
internal static class TestPlans
{
    /// <summary>
    /// 甲村 2026: three posts (护林员 and 道路养护员 held by monitored households), a road repair in April–June (3,000 →
    /// 1,000 a month), a 孝老敬亲 reward (1,200 a year → 100 a month), dividends for three households with monitored ×1.5.
    /// </summary>
    public static PlanDocument VillageA2026(decimal projectBudget = 3000m) => new()
    {
        Village = "v-a",
        Year = 2026,
        Approved = "2026-01-15",
        PlannedDistributable = 40000m,
        Posts =
        [
            new PostDocument { Id = "P1", Title = "保洁员", Holder = "HH-A2", MonthlyWage = 500m },
            new PostDocument { Id = "P2", Title = "护林员", Holder = "HH-A1", MonthlyWage = 600m },
            new PostDocument { Id = "P3", Title = "道路养护员", Holder = "HH-A3", MonthlyWage = 400m },
        ],
        Projects = [new BudgetItemDocument { Id = "W1", Name = "村内道路修补", Budget = projectBudget, Months = [4, 5, 6] }],
        Rewards = [new BudgetItemDocument { Id = "R1", Name = "孝老敬亲奖励", Recipient = "HH-A4", Budget = 1200m }],
        Dividends = new DividendDocument
        {
            MonitoredWeight = 1.5m,
            Equity =
            [
                new EquityDocument { Household = "HH-A1", Shares = 1m },
                new EquityDocument { Household = "HH-A2", Shares = 1m },
                new EquityDocument { Household = "HH-A4", Shares = 2m },
            ],
        },
    };

    /// <summary>甲村 2026 for the joint station: one 护林员 post and dividends for two households (monitored ×1.5).</summary>
    public static PlanDocument VillageAJoint2026() => new()
    {
        Village = "v-a",
        Year = 2026,
        Approved = "2026-01-15",
        PlannedDistributable = 100000m,
        Posts = [new PostDocument { Id = "P1", Title = "护林员", Holder = "HH-A1", MonthlyWage = 600m }],
        Dividends = new DividendDocument
        {
            MonitoredWeight = 1.5m,
            Equity = [new EquityDocument { Household = "HH-A1", Shares = 1m }, new EquityDocument { Household = "HH-A2", Shares = 1m }],
        },
    };

    public static AllocationPlanBook Book(FleetRegistry fleet, params PlanDocument[] plans) =>
        AllocationPlanLoader.FromDocument(new PlansFileDocument { Version = 1, Plans = [.. plans] }, fleet);
}
