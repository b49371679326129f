using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Revenue.Allocation;
using Telemetry.Revenue.Deductions;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Money;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Statements;

/// <summary>
/// Builds a village's monthly statement from its stations' energy, tariffs, subsidy batches, deductions and plan. Pure: no
/// I/O, no clock; the same inputs always give the same statement.
/// </summary>
/// <remarks>
/// Per station: energy × price gives the grid revenue (cash, paid monthly) and the subsidy accrued (a receivable); the subsidy
/// cash of the month is what batches brought in. For a joint-village station each amount is split between the owner villages
/// by share (largest remainder, so the villages' parts add up to the station's amount). The village's deductions are covered
/// from its cash in registry order. What is left is distributable: the collective's part goes through the plan, a household
/// station's part to its household after any loan repayment.
/// </remarks>
internal static class StatementBuilder
{
    public static RevenueStatement Build(
        Village village, DateOnly month, StatementStatus status, DateTimeOffset computedAt, IReadOnlyList<StationMonth> stations, AllocationPlan? plan)
    {
        var notes = new List<string>();
        var revenues = new List<StationRevenue>();
        var lines = new List<AllocationLine>();
        var collective = 0m;
        foreach (var s in stations.OrderBy(s => s.Station.Class == StationClass.Household).ThenBy(s => s.Station.Id, StringComparer.Ordinal))
        {
            var revenue = Station(village, month, s, notes);
            revenues.Add(revenue);
            if (s.Station.Class == StationClass.Household)
            {
                lines.AddRange(HouseholdPayout.Pay(s.Station, revenue.NetYuan, month));
            }
            else
            {
                collective += revenue.NetYuan;
            }
        }

        if (revenues.Any(r => r.Recipient == Allocator.CollectiveSource))
        {
            if (plan is null)
            {
                notes.Add($"{month.Year}年度尚无经批准的收益分配方案：集体收益暂列“村集体留存”。");
            }

            lines.InsertRange(0, Allocator.Allocate(collective, plan, month));
        }
        lines = [.. lines.Select((l, i) => l with { No = i + 1 })];
        foreach (var uncovered in lines.Where(l => l.UncoveredYuan > 0m))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"第{uncovered.No}行 {uncovered.Item}{(uncovered.PayeeName is null ? "" : " " + uncovered.PayeeName)}：应付 {Yuan.Format(uncovered.DueYuan)} 元，本月收益不足，未覆盖 {Yuan.Format(uncovered.UncoveredYuan)} 元。"));
        }

        var distributable = revenues.Sum(r => r.NetYuan);
        var allocated = lines.Sum(l => l.AmountYuan);
        if (allocated != distributable || lines.Any(l => l.AmountYuan < 0m))
        {
            throw new InvalidOperationException($"statement {village.Id} {month:yyyy-MM}: lines add up to {allocated}, distributable is {distributable}");
        }

        var totals = new StatementTotals(
            revenues.Sum(r => r.ShareEnergyKwh),
            revenues.Sum(r => r.GridYuan),
            revenues.Sum(r => r.SubsidyAccruedYuan),
            revenues.Sum(r => r.SubsidyReceivedYuan),
            revenues.Sum(r => r.SubsidyOutstandingYuan),
            revenues.Sum(r => r.DeductionsYuan),
            revenues.Sum(r => r.Deductions.Sum(d => d.UncoveredYuan)),
            collective,
            distributable - collective,
            distributable,
            lines.Sum(l => l.UncoveredYuan));
        return new RevenueStatement(
            1, village.Id, village.Name, village.Township.Name, village.County.Name, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), status,
            null, null, null, null, computedAt, plan?.Year, revenues, totals, lines, notes, null, null);
    }

    private static StationRevenue Station(Village village, DateOnly month, StationMonth s, List<string> notes)
    {
        var station = s.Station;
        var (weights, index) = Owners(station, village);
        var energy = s.Energy.TotalKwh;
        var shareEnergy = LargestRemainder.AllocateUnits((long)(energy * 1000m), weights)[index] / 1000m;
        var (gridPrice, subsidyPrice) = TariffSchedule.PricesFor(station, month);
        decimal Part(decimal total) => LargestRemainder.Allocate(total, weights)[index];

        var grid = Part(TariffSchedule.Revenue(energy, gridPrice));
        var accrued = Part(TariffSchedule.Revenue(energy, subsidyPrice));
        var batches = s.Batches.Select(b => (b, Part(b.AmountYuan))).ToList();
        var booked = s.BookedAccruals.Where(a => a.Month < month).Append(new SubsidyAccrual(station.Id, month, accrued)).ToList();
        var subsidy = SubsidyMatcher.Match(booked, batches, month);

        var cash = grid + subsidy.ReceivedThisMonthYuan;
        var deductions = new List<DeductionLine>();
        foreach (var d in station.Deductions)
        {
            var due = Part(DeductionSchedule.Due(d, month, energy));
            var applied = Math.Min(due, cash);
            cash -= applied;
            deductions.Add(new DeductionLine(d.Kind, due, applied));
        }

        Describe(station, s.Energy, notes);
        return new StationRevenue(
            station.Id, station.Name, station.Class.ToString(), (decimal)station.CapacityKwp, weights[index] / weights.Sum(),
            station.OwnerHousehold?.Id ?? Allocator.CollectiveSource, energy, shareEnergy, s.Energy.Quality, s.Energy.Days,
            [.. s.Energy.Events.Select(e => $"{e.Date:yyyy-MM-dd} {e.Kind}: {e.Detail}")],
            gridPrice, subsidyPrice, grid, accrued, subsidy.ReceivedThisMonthYuan, subsidy.OutstandingYuan, subsidy.UnmatchedYuan, deductions, cash);
    }

    private static (decimal[] Weights, int Index) Owners(Station station, Village village)
    {
        if (station.Class == StationClass.Household)
        {
            return ([1m], 0);
        }

        var index = station.Owners.ToList().FindIndex(o => o.Village == village);
        if (index < 0)
        {
            throw new ArgumentException($"village {village.Id} does not own station {station.Id}", nameof(village));
        }

        return ([.. station.Owners.Select(o => o.Share)], index);
    }

    private static void Describe(Station station, MeterEnergy energy, List<string> notes)
    {
        var estimated = energy.Days.Where(d => d.Quality == EnergyQuality.Estimated).ToList();
        var missing = energy.Days.Where(d => d.Quality == EnergyQuality.Missing).ToList();
        if (estimated.Count > 0)
        {
            var method = estimated[0].Method == EstimationMethod.ResetFromZero ? "计数器归零，按零点起算" : "缺测期表底差按日照时长比例分摊";
            notes.Add($"{station.Name}（{station.Id}）：{estimated.Count} 天电量为估算（{method}）：{Days(estimated)}。");
        }

        if (missing.Count > 0)
        {
            notes.Add($"{station.Name}（{station.Id}）：{missing.Count} 天暂无数据，按 0 计，数据补传后更正：{Days(missing)}。");
        }

        foreach (var e in energy.Events.Where(e => e.Kind != MeterEventKind.Glitch))
        {
            var what = e.Kind switch
            {
                MeterEventKind.Reset => "电表计数器归零",
                MeterEventKind.Replacement => "更换电表",
                _ => "换表记录与读数不符",
            };
            notes.Add($"{station.Name}（{station.Id}）：{e.Date:yyyy-MM-dd} {what}，{e.Detail}。");
        }
    }

    private static string Days(List<DayEnergy> days) => string.Join("、", days.Select(d => d.Date.ToString("M月d日", CultureInfo.InvariantCulture)));
}
