using Telemetry.Core.Fleet;
using Telemetry.Revenue.Money;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Deductions;

/// <summary>What a station's deductions (O&amp;M, insurance, land rent) come to in a month.</summary>
public static class DeductionSchedule
{
    private static readonly decimal[] TwelveEqualMonths = [.. Enumerable.Repeat(1m, 12)];

    /// <summary>
    /// The amount due in the month starting <paramref name="month"/>: the month's part of the yearly amount plus the per-kWh
    /// part of the month's energy. The yearly amount is split into twelve by largest remainder, so the months of a year add up
    /// to it exactly (the spare fen go to the earliest months).
    /// </summary>
    public static decimal Due(Deduction deduction, DateOnly month, decimal kwh)
    {
        ArgumentNullException.ThrowIfNull(deduction);
        var monthly = deduction.YuanPerYear == 0m ? 0m : LargestRemainder.Allocate(deduction.YuanPerYear, TwelveEqualMonths)[month.Month - 1];
        return monthly + TariffSchedule.Revenue(kwh, deduction.YuanPerKwh);
    }
}
