namespace Telemetry.Revenue.Tests.Support;

/// <summary>
/// Meter readings for a month of steady production, as a logger would send them: each day at 06:00, 09:00, 12:00, 15:00
/// and 19:00 China time, the register rising by a quarter of the day's energy between readings; plus the closing day before
/// the month and the first reading after it. Variants: a counter reset at noon on the 15th; days 10–12 arriving late.
/// </summary>
internal static class MeterScript
{
    public static readonly DateOnly April = new(2026, 4, 1);

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    /// <summary>April 2026 with <paramref name="dailyKwh"/> a day; the register reads <paramref name="startKwh"/> when April begins.</summary>
    public static (List<(DateTimeOffset At, double Kwh)> OnTime, List<(DateTimeOffset At, double Kwh)> Late) April2026(
        double startKwh, double dailyKwh, bool resetOn15th = false, bool days10To12Late = false)
    {
        var onTime = new List<(DateTimeOffset, double)>();
        var late = new List<(DateTimeOffset, double)>();
        onTime.AddRange(Day(April.AddDays(-1), startKwh - dailyKwh, dailyKwh));
        var register = startKwh;
        for (var day = 1; day <= 30; day++)
        {
            var date = April.AddDays(day - 1);
            if (resetOn15th && day == 15)
            {
                // Pre-reset half of the day, then the counter restarts from 0 at noon and counts the other half.
                onTime.Add((At(date, 6), register));
                onTime.Add((At(date, 9), register + (dailyKwh / 4)));
                onTime.Add((At(date, 11, 55), register + (dailyKwh / 2)));
                onTime.Add((At(date, 12, 5), dailyKwh / 400));
                onTime.Add((At(date, 15), dailyKwh / 4));
                onTime.Add((At(date, 19), dailyKwh / 2));
                register = dailyKwh / 2;
                continue;
            }

            (days10To12Late && day is >= 10 and <= 12 ? late : onTime).AddRange(Day(date, register, dailyKwh));
            register += dailyKwh;
        }

        onTime.Add((At(April.AddMonths(1), 6), register));
        return (onTime, late);
    }

    private static IEnumerable<(DateTimeOffset, double)> Day(DateOnly date, double start, double kwh)
    {
        yield return (At(date, 6), start);
        yield return (At(date, 9), start + (kwh / 4));
        yield return (At(date, 12), start + (kwh / 2));
        yield return (At(date, 15), start + (3 * kwh / 4));
        yield return (At(date, 19), start + kwh);
    }
}
