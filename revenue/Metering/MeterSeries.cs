using Telemetry.Core.Fleet;
using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// A station's meter over a range of days in the form every energy calculation starts from: the day before the range (its
/// closing reading), the days of the range that have readings, and the first day after the range that has readings.
/// </summary>
/// <remarks>
/// The official settlement builds this from the store's daily aggregates (with every reading of the days that need it, while
/// raw readings are kept); the live figures build it from the stream. Both then call <see cref="MeterEnergyCalculator"/>, so
/// they agree once they have seen the same readings. A day without <see cref="MeterDay.Detail"/> stands for its first and last
/// reading at their device times, with the day's own aggregate (rises, steps down, minimum) for what lies between them.
/// </remarks>
/// <param name="Before">The last day before the range with readings (its last reading is used; every reading when it has detail), or null.</param>
/// <param name="Days">Days of the range that have readings, oldest first.</param>
/// <param name="After">The first day after the range with readings (only its first reading is used), or null.</param>
public sealed record MeterSeries(MeterDay? Before, IReadOnlyList<MeterDay> Days, MeterDay? After)
{
    /// <summary>
    /// Whether a day's aggregate is not enough and every reading of it is wanted: the register stepped down during the day
    /// (<see cref="MeterDay.StepsDown"/>, or its last below its first), fell overnight (its first below
    /// <paramref name="previousLastKwh"/>, the previous day's last — then both days want detail), or a meter was replaced that
    /// day. Each of these is a reset, a replacement or a glitch, which only the readings around it tell apart.
    /// </summary>
    public static bool NeedsDetail(MeterDay day, decimal? previousLastKwh, IReadOnlyList<MeterReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(replacements);
        return day.StepsDown > 0
            || day.LastKwh < day.FirstKwh
            || day.FirstKwh < previousLastKwh
            || replacements.Any(r => ChinaTime.LocalDate(r.At) == day.Date);
    }

    /// <summary>
    /// The days of <paramref name="days"/> (and <paramref name="before"/>'s) whose every reading is wanted: those that
    /// <see cref="NeedsDetail"/>, and the day before any day whose first reading is below that day's last.
    /// </summary>
    public static HashSet<DateOnly> DaysNeedingDetail(MeterDay? before, IReadOnlyList<MeterDay> days, IReadOnlyList<MeterReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(replacements);
        var detailed = new HashSet<DateOnly>();
        var previous = before;
        foreach (var day in days)
        {
            if (NeedsDetail(day, previous?.LastKwh, replacements))
            {
                detailed.Add(day.Date);
                if (previous is not null && day.FirstKwh < previous.LastKwh)
                {
                    detailed.Add(previous.Date);
                }
            }

            previous = day;
        }

        return detailed;
    }

    /// <summary>Summarises readings into days (the same aggregate the store computes), keeping every reading as detail for the days in <paramref name="detailed"/>.</summary>
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
            var (rise, down) = (0m, 0L);
            for (var i = 1; i < points.Count; i++)
            {
                var step = points[i].Kwh - points[i - 1].Kwh;
                (rise, down) = step >= 0 ? (rise + step, down) : (rise, down + 1);
            }

            return new MeterDay(
                g.Key, points[0].Kwh, points[^1].Kwh, points.Count, points[0].TimestampMs, points[^1].TimestampMs, points.Min(p => p.Kwh), rise, down,
                detailed?.Invoke(g.Key) == true ? points : null);
        })];
    }

    /// <summary>
    /// The series of readings held in full (the live tracker's): each day summarised, with every reading kept for the days that
    /// need detail (<see cref="DaysNeedingDetail"/>).
    /// </summary>
    public static MeterSeries FromReadings(IReadOnlyList<MeterPoint> readings, MeterDay? before, MeterDay? after, IReadOnlyList<MeterReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(replacements);
        var summary = Summarize(readings);
        var detailed = DaysNeedingDetail(before, summary, replacements);
        return new MeterSeries(before, detailed.Count == 0 ? summary : Summarize(readings, detailed.Contains), after);
    }

    /// <summary>The readings <see cref="MeterEnergyCalculator"/> is given for this series: every reading of a detailed day, the first and last of any other.</summary>
    public IEnumerable<MeterPoint> ToPoints() => Flatten().Select(p => p.Point);

    /// <summary>The readings in time order, each with the summarised day it is the first or last reading of (see <see cref="MeterDay.IsSummary"/>).</summary>
    internal IEnumerable<(MeterPoint Point, MeterDay? Summary)> Flatten()
    {
        if (Before is { } before)
        {
            if (before.Detail is { Count: > 0 } detail)
            {
                foreach (var p in detail)
                {
                    yield return (p, null);
                }
            }
            else
            {
                yield return (new MeterPoint(before.LastAtMs, before.LastKwh), before.IsSummary ? before : null);
            }
        }

        foreach (var day in Days)
        {
            if (day.Detail is { Count: > 0 } detail)
            {
                foreach (var p in detail)
                {
                    yield return (p, null);
                }

                continue;
            }

            var summary = day.IsSummary ? day : null;
            yield return (new MeterPoint(day.FirstAtMs, day.FirstKwh), summary);
            if (day.LastAtMs != day.FirstAtMs)
            {
                yield return (new MeterPoint(day.LastAtMs, day.LastKwh), summary);
            }
        }

        if (After is { } after)
        {
            yield return (new MeterPoint(after.FirstAtMs, after.FirstKwh), null);
        }
    }
}
