using Telemetry.Core.Fleet;
using Telemetry.Revenue.Money;
using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Allocation;

/// <summary>
/// A household station's month: its net revenue goes to its household, after the loan repayment if one is configured and
/// still running (the instalment plus the share of net revenue, never more than the net revenue).
/// </summary>
internal static class HouseholdPayout
{
    public static List<AllocationLine> Pay(Station station, decimal net, DateOnly month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(net);
        var household = station.OwnerHousehold ?? throw new ArgumentException($"{station.Id} is not a household station", nameof(station));
        var lines = new List<AllocationLine>();
        var repaid = 0m;
        if (station.Loan is { } loan && month <= loan.LastMonth)
        {
            var due = loan.MonthlyYuan + Yuan.Round(net * loan.Share);
            repaid = Math.Min(due, net);
            lines.Add(new AllocationLine(0, AllocationCategory.LoanRepayment, "光伏贷款还款", loan.Lender, loan.Lender, false, due, repaid, station.Id));
        }

        lines.Add(new AllocationLine(
            0, AllocationCategory.HouseholdIncome, "户用光伏发电收益", household.Id, household.HeadName, household.Monitored, net - repaid, net - repaid, station.Id));
        return lines;
    }
}
