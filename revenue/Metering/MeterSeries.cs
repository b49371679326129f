using Telemetry.Core.Fleet;
using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// A station's meter over a range of days in the form every energy calculation starts from: the day before the range (its
/// closing register), the days of the range that have readings, and the first day after the range that has readings.
/// </summary>
/// <remarks>
/// The official settlement builds this from the store's daily aggregates; the live figures build it from the stream. Both
/// then call <see cref="ToPoints"/> and <see cref="MeterEnergyCalculator"/>, so they agree once they have seen the same readings.
/// A day without <see cref="MeterDay.Detail"/> stands for two readings: its first at the start of the day and its last at the
/// end (the times are not kept by the daily aggregates, and within a rising day they do not change the energy).
/// </remarks>
/// <param name="Before">The last day before the range with readings (only its <see cref="MeterDay.LastKwh"/> is used), or null.</param>
/// <param name="Days">Days of the range that have readings, oldest first.</param>
/// <param name="After">The first day after the range with readings (only its <see cref="MeterDay.FirstKwh"/> is used), or null.</param>
public sealed record MeterSeries(MeterDay? Before, IReadOnlyList<MeterDay> Days, MeterDay? After)
{
    /// <summary>
    /// Whether a day's first and last register are not enough and every reading of it is wanted: the register fell during the
    /// day (<paramref name="day"/>'s last below its first), fell overnight (its first below <paramref name="previousLastKwh"/>,
    /// the previous day's last — then both days want detail), or a meter was replaced that day.
    /// </summary>
    public static bool NeedsDetail(MeterDay day, decimal? previousLastKwh, IReadOnlyList<MeterReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(replacements);
        return day.LastKwh < day.FirstKwh
            || day.FirstKwh < previousLastKwh
            || replacements.Any(r => ChinaTime.LocalDate(r.At) == day.Date);
    }

    /// <summary>Summarises readings into days (first, last, count), keeping every reading as detail for the days in <paramref name="detailed"/>.</summary>
    public static List<MeterDay> Summarize(IEnumerable<MeterPoint> readings, Func<DateOnly, bool>? detailed = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var byTime = new SortedDictionary<long, MeterPoint>();
        foreach (var p in readings)
        {
            byTime[p.TimestampMs] = p;
        }

        return [.. byTime.Values.GroupBy(p => ChinaTime.LocalDate(p.TimestampMs)).Select(g =>
        {
            var points = g.ToList();
            return new MeterDay(g.Key, points[0].Kwh, points[^1].Kwh, points.Count, detailed?.Invoke(g.Key) == true ? points : null);
        })];
    }

    /// <summary>
    /// The series of readings held in full (from the store's raw points, or the live tracker's): each day summarised, with
    /// every reading kept for the days that need detail (<see cref="NeedsDetail"/>; after an overnight drop, the day before too).
    /// </summary>
    public static MeterSeries FromReadings(IReadOnlyList<MeterPoint> readings, MeterDay? before, MeterDay? after, IReadOnlyList<MeterReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(replacements);
        var summary = Summarize(readings);
        var detailed = new HashSet<DateOnly>();
        var previousLast = before?.LastKwh;
        for (var i = 0; i < summary.Count; i++)
        {
            if (NeedsDetail(summary[i], previousLast, replacements))
            {
                detailed.Add(summary[i].Date);
                if (summary[i].FirstKwh < previousLast && i > 0)
                {
                    detailed.Add(summary[i - 1].Date);
                }
            }

            previousLast = summary[i].LastKwh;
        }

        return new MeterSeries(before, detailed.Count == 0 ? summary : Summarize(readings, detailed.Contains), after);
    }

    /// <summary>The readings <see cref="MeterEnergyCalculator"/> is given for this series.</summary>
    public IEnumerable<MeterPoint> ToPoints()
    {
        if (Before is { } before)
        {
            yield return new MeterPoint(EndOfDay(before.Date), before.LastKwh);
        }

        foreach (var day in Days)
        {
            if (day.Detail is { Count: > 0 } detail)
            {
                foreach (var p in detail)
                {
                    yield return p;
                }
            }
            else
            {
                yield return new MeterPoint(ChinaTime.StartOfDay(day.Date).ToUnixTimeMilliseconds(), day.FirstKwh);
                yield return new MeterPoint(EndOfDay(day.Date), day.LastKwh);
            }
        }

        if (After is { } after)
        {
            yield return new MeterPoint(ChinaTime.StartOfDay(after.Date).ToUnixTimeMilliseconds(), after.FirstKwh);
        }
    }

    private static long EndOfDay(DateOnly date) => ChinaTime.StartOfDay(date.AddDays(1)).ToUnixTimeMilliseconds() - 1;
}
