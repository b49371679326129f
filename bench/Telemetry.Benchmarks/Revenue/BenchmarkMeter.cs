using Telemetry.Core.Fleet;
using Telemetry.Core.Time;

namespace Telemetry.Benchmarks.Revenue;

/// <summary>
/// The lifetime meter of one benchmark station: a reading an hour 06:00–19:00 from the day before the month to the day after
/// it, the register rising by a fixed step an hour (4 kWh/kWp a day) and not at night. One station in ten has an irregular
/// month (by its index): a counter reset, a registered meter replacement, two days of lost readings, late and replayed
/// readings, or one glitch. Every case keeps the month's energy exactly known: <see cref="ExpectedKwh"/>.
/// </summary>
internal sealed class BenchmarkMeter
{
    public static readonly DateOnly Month = new(2026, 4, 1);

    private BenchmarkMeter(BenchmarkScenario scenario, decimal perHourKwh)
    {
        Scenario = scenario;
        PerHourKwh = perHourKwh;
        var register = 10_000m;
        for (var day = Month.AddDays(-1); day <= Month.AddMonths(1); day = day.AddDays(1))
        {
            for (var hour = 6; hour <= 19; hour++)
            {
                var at = ChinaTime.StartOfDay(day).AddHours(hour);
                var step = hour == 6 ? 0m : perHourKwh;
                if (scenario == BenchmarkScenario.Replacement && day == Month.AddDays(19) && hour == 13)
                {
                    // Swapped at 12:30: the old meter ends half an hour after its 12:00 reading, the new one starts at 0.
                    Replacement = new MeterReplacement(at.AddMinutes(-30), register + (perHourKwh / 2), 0m, "benchmark swap");
                    register = 0m;
                    step = perHourKwh / 2;
                }
                else if (scenario == BenchmarkScenario.Reset && day == Month.AddDays(9) && hour == 13)
                {
                    register = 0m; // the counter restarted from zero right after the 12:00 reading
                }

                register += step;
                var lost = scenario == BenchmarkScenario.Gap && at > ChinaTime.StartOfDay(Month.AddDays(14)).AddHours(10) && at < ChinaTime.StartOfDay(Month.AddDays(16)).AddHours(9);
                if (lost)
                {
                    continue;
                }

                var kwh = scenario == BenchmarkScenario.Glitch && day == Month.AddDays(24) && hour == 11 ? register / 2 : register;
                var late = scenario == BenchmarkScenario.LateAndReplayed && (day == Month.AddDays(4) || day == Month.AddDays(3));
                (late ? Late : OnTime).Add((at, (double)kwh));
                if (scenario == BenchmarkScenario.LateAndReplayed && day == Month.AddDays(3))
                {
                    OnTime.Add((at, (double)kwh)); // April 4 arrives on time and is replayed with April 5 at the end
                }
            }
        }
    }

    public BenchmarkScenario Scenario { get; }

    public decimal PerHourKwh { get; }

    /// <summary>The month's true energy: 13 steps a day for 30 days (a reset and a replacement lose nothing).</summary>
    public decimal ExpectedKwh => 30 * 13 * PerHourKwh;

    /// <summary>Readings written in time order with the rest of the fleet.</summary>
    public List<(DateTimeOffset At, double Kwh)> OnTime { get; } = [];

    /// <summary>Readings written after the whole fleet's (late, and replays of readings already written).</summary>
    public List<(DateTimeOffset At, double Kwh)> Late { get; } = [];

    /// <summary>The replacement to record in the registry, for <see cref="BenchmarkScenario.Replacement"/>.</summary>
    public MeterReplacement? Replacement { get; }

    public static BenchmarkMeter For(int index, decimal capacityKwp) =>
        new((index % 50) switch
        {
            1 => BenchmarkScenario.Reset,
            2 => BenchmarkScenario.Replacement,
            3 => BenchmarkScenario.Gap,
            4 => BenchmarkScenario.LateAndReplayed,
            5 => BenchmarkScenario.Glitch,
            _ => BenchmarkScenario.Regular,
        }, Math.Round(capacityKwp * 4m / 13m, 2)); // whole 10 Wh, so half an hour's step is whole Wh too
}
