namespace Telemetry.Simulators.Barns;

/// <summary>The share of a day's water and feed consumed in an interval of local time, by intake pattern.</summary>
internal static class DailyIntake
{
    private const int StepsPerDay = 1440;
    private static readonly double[] DailyIntegral = [.. Enum.GetValues<IntakePattern>().Select(DayIntegral)];

    /// <summary>Fraction of the daily intake between two local times of day (hours since local midnight, may exceed 24).</summary>
    public static double Fraction(IntakePattern pattern, double fromHour, double toHour)
    {
        if (pattern == IntakePattern.None || toHour <= fromHour)
        {
            return 0;
        }

        const int steps = 6;
        var width = (toHour - fromHour) / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += Shape(pattern, fromHour + ((i + 0.5) * width)) * width;
        }

        return sum / DailyIntegral[(int)pattern];
    }

    /// <summary>Relative intake rate at a local hour of day.</summary>
    public static double Shape(IntakePattern pattern, double hour)
    {
        var h = ((hour % 24) + 24) % 24;
        return pattern switch
        {
            IntakePattern.AdLib => (h is < 5 or >= 22 ? 0.25 : 0.7) + Bump(h, 8, 1.5) + Bump(h, 17, 1.5),
            IntakePattern.TwiceDaily => 0.2 + (1.5 * Bump(h, 7.5, 1)) + (1.5 * Bump(h, 17, 1)),
            IntakePattern.BroilerLight => h < 1 ? 0.05 : 1 + (0.3 * Bump(h, 7, 2)),
            IntakePattern.LayerLight => h is < 5 or >= 21 ? 0.03 : 1 + (0.5 * Bump(h, 17.5, 1.5)),
            _ => 0,
        };
    }

    private static double Bump(double h, double centre, double width) => Math.Exp(-0.5 * Math.Pow((h - centre) / width, 2));

    private static double DayIntegral(IntakePattern pattern)
    {
        var sum = 0.0;
        for (var i = 0; i < StepsPerDay; i++)
        {
            sum += Shape(pattern, (i + 0.5) * 24.0 / StepsPerDay) * 24.0 / StepsPerDay;
        }

        return sum == 0 ? 1 : sum;
    }
}
