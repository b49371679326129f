using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>
/// Whole days of readings for the test fleet's stations (all of county zezhou) at their cadence, round the clock: the
/// clear-sky output of each station's geometry times a day factor, and a lifetime meter that integrates it. One letter
/// per day says how PV-2 fares against its peers, which run at 95 % of clear sky:
/// <c>B</c> 45 % (below the major ratio), <c>M</c> 70 % (below the minor ratio only), <c>G</c> as its peers, and
/// <c>O</c> an overcast day on which every station makes 5 % (too dark to judge: neither peers nor clear sky).
/// </summary>
internal static class PvDays
{
    public const string Faulty = "PV-2";

    /// <summary>The readings of the days in <paramref name="pattern"/> from <paramref name="first"/>, and the first two hours of
    /// the day after, so the last day closes (at 01:00).</summary>
    public static List<Reading> Of(DateOnly first, string pattern)
    {
        var end = ChinaTime.StartOfDay(first.AddDays(pattern.Length)).AddHours(2);
        var readings = new List<Reading>();
        foreach (var station in TestFleet.Registry.Stations)
        {
            var array = PvArray.Of(station);
            var step = TimeSpan.FromSeconds(station.CadenceSeconds);
            var meter = 1_000 * station.CapacityKwp;
            for (var t = ChinaTime.StartOfDay(first); t < end; t += step)
            {
                var day = (ChinaTime.LocalDate(t).DayNumber - first.DayNumber) is var i && i < pattern.Length ? pattern[i] : 'G';
                var power = Factor(station, day) * PvOutputModel.Jincheng.ClearSky(array, t).AcKw;
                readings.Add(Read.Pv(station, t, powerKw: power, energyKwh: Math.Round(meter, 3)));
                meter += power * step.TotalHours;
            }
        }

        readings.Sort((a, b) => a.TimestampMs.CompareTo(b.TimestampMs));
        return readings;
    }

    /// <summary>When the daily rules judge day <paramref name="index"/> (0-based) of a run from <paramref name="first"/>: 01:00 the next day.</summary>
    public static DateTimeOffset ClosesAt(DateOnly first, int index) => ChinaTime.StartOfDay(first.AddDays(index + 1)).AddHours(1);

    private static double Factor(Station station, char day) => day switch
    {
        'O' => 0.05,
        _ when station.Id != Faulty => 0.95,
        'B' => 0.45,
        'M' => 0.7,
        'G' => 0.95,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "B, M, G or O"),
    };
}
