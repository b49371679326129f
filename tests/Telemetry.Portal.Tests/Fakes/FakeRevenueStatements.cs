using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Settlement;
using Telemetry.Revenue.Statements;

namespace Telemetry.Portal.Tests.Fakes;

/// <summary>Canned statements for the revenue pages: 西郜村 (zz-v2) for any month, published for April 2026, provisional for the current month.</summary>
internal sealed class FakeRevenueStatements(DateOnly currentMonth) : IRevenueStatements
{
    public DateOnly CurrentMonth { get; } = currentMonth;

    public Task<RevenueStatement?> GetAsync(string villageId, DateOnly month, CancellationToken cancellationToken) =>
        Task.FromResult(villageId == "zz-v2" && month <= CurrentMonth ? Statement(month, month == CurrentMonth) : null);

    public static RevenueStatement Statement(DateOnly month, bool provisional)
    {
        var station = new StationRevenue(
            "PV-V002", "西郜村村级光伏帮扶电站", "Village", 100m, 1m, "collective", 12_000m, 12_000m, EnergyQuality.Estimated,
            [new DayEnergy(month, 400m, EnergyQuality.Estimated, EstimationMethod.DaylightProRata, 0)], [], 0.332m, 0.518m,
            3_984.00m, 6_216.00m, 0m, 6_216.00m, 0m, [new DeductionLine(Core.Fleet.DeductionKind.LandRent, 523.34m, 523.34m)], 3_460.66m);
        AllocationLine[] lines =
        [
            new(1, AllocationCategory.Post, "护林员", "HH-1", "李某某", true, 600m, 600m, "collective"),
            new(2, AllocationCategory.Project, "村内道路修补", null, null, false, 3_000m, 2_860.66m, "collective"),
        ];
        var totals = new StatementTotals(12_000m, 3_984.00m, 6_216.00m, 0m, 6_216.00m, 523.34m, 0m, 3_460.66m, 0m, 3_460.66m, 139.34m);
        return new RevenueStatement(
            1, "zz-v2", "西郜村", "巴公镇", "泽州县", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            provisional ? StatementStatus.Provisional : StatementStatus.Published, provisional ? null : 3, null, null,
            provisional ? null : new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.FromHours(8)),
            2026, [station], totals, lines, ["第2行 村内道路修补：应付 3000.00 元，本月收益不足，未覆盖 139.34 元。"],
            provisional ? null : new string('a', 64), provisional ? null : new string('b', 64));
    }
}
