using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Revenue.Money;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// Turns a station's lifetime-meter readings (<c>e_total_kwh</c>) into energy per China-time day. This is the only place
/// where meter readings become energy; the official settlement, the provisional statement and the live figures all call it.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Readings of one station in any order, including the last reading before the first day wanted (the
/// baseline) and the first reading after the last day wanted (which closes a trailing gap); or a <see cref="MeterSeries"/>:
/// per day the store's aggregate (first and last reading with their times, count, lowest register, rises and steps down
/// within the day), with every reading of the days that need it (<see cref="MeterSeries.NeedsDetail"/>: any step down, an
/// overnight fall, a replacement). On a day without a step down the result is the same either way, because the steps of a
/// rising run add up to its last minus its first reading; a day with one is read in full while raw readings are kept, so the
/// series gives exactly what every reading gives (same energy, same flags).</para>
/// <para><b>Duplicates and replays.</b> Readings with the same device time are one reading (the store's rule); the last one
/// given wins. Energy is always recomputed from the readings, never accumulated from arrivals, so replaying data or
/// receiving it late gives exactly the answer that on-time data would have given.</para>
/// <para><b>Glitches.</b> A single reading out of line with both neighbours while the neighbours agree with each other
/// (a dip: lower than the reading before it, while the reading after it is back at or above that; a spike: higher than
/// the reading after it, while that one is at or above the reading before) is ignored and reported. The first and last
/// reading of a summarised day (more than two readings, no detail) are not judged: their neighbour inside the day is unknown.</para>
/// <para><b>Steps.</b> Energy is the sum of the steps between consecutive readings. A step up is energy. A step down is a
/// counter reset: the counter is taken to have restarted from zero, so the new reading itself is the energy since the reset
/// (the Prometheus <c>increase()</c> rule; what the meter counted between the last reading before the reset and the
/// reset is lost — at most one reporting interval when every reading is available).</para>
/// <para><b>Meter replacement.</b> A replacement recorded in the registry at time <c>t</c> splits the step that contains
/// <c>t</c>: the old meter's part is its recorded final register minus the reading before, the new meter's part is the
/// reading after minus the new meter's recorded initial register (a step down there is again a reset).</para>
/// <para><b>Summarised days.</b> From a day's first to its last reading the energy is last − first when the day had no step
/// down (or none besides a replacement, which is bridged as above). A day with steps down whose readings are no longer kept
/// (raw data pruned; only the rollup is left) is counted from its aggregate: its rises plus, per step down, its lowest
/// register — exact for a counter that restarted from zero once, below the day's first reading — and flagged
/// <see cref="EstimationMethod.ResetFromZero"/>, because a glitch cannot be told from a reset without the readings. A step
/// down across midnight next to such a day's first or last reading is flagged the same way.</para>
/// <para><b>Days.</b> A step between readings on the same local day belongs to that day. A step from one day's last reading
/// to the next day's first is the night and belongs to the later day — unless it hides production: when it spans a whole
/// day or more, or covers more than <see cref="GapTolerance"/> of daylight (<see cref="DaylightWindow"/>), it is a gap,
/// and its energy is split between the days it covers in proportion to the daylight hours of each that it covers
/// (<see cref="EstimationMethod.DaylightProRata"/>, thousandths of a kWh, largest remainder). The total is still exact;
/// those days are flagged <see cref="EnergyQuality.Estimated"/>. A reset step between two readings of a day with more than
/// <see cref="GapTolerance"/> of daylight between them is flagged <see cref="EstimationMethod.ResetFromZero"/> (what the
/// meter counted before the reset is unknown).</para>
/// <para><b>Missing days.</b> Days before the first reading or after the last one are <see cref="EnergyQuality.Missing"/>
/// with 0 kWh: when the station reports again, the step that closes the gap fills them in.</para>
/// </remarks>
public static class MeterEnergyCalculator
{
    /// <summary>Daylight that a step across midnight may cover before it counts as a gap rather than the night.</summary>
    public static readonly TimeSpan GapTolerance = TimeSpan.FromHours(1);

    /// <summary>Energy per day for the days <paramref name="from"/>…<paramref name="to"/> (both included).</summary>
    /// <param name="readings">The station's meter readings (see remarks for which ones).</param>
    /// <param name="replacements">The station's meter replacements from the registry.</param>
    /// <param name="from">First local day wanted.</param>
    /// <param name="to">Last local day wanted.</param>
    /// <param name="daylight">The station's daylight, to weigh gaps.</param>
    public static MeterEnergy Compute(
        IEnumerable<MeterPoint> readings, IReadOnlyList<MeterReplacement> replacements, DateOnly from, DateOnly to, DaylightWindow daylight)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return Compute(readings.Select(p => (p, (MeterDay?)null)), null, replacements, from, to, daylight);
    }

    /// <summary>Energy per day for the days <paramref name="from"/>…<paramref name="to"/> of a <see cref="MeterSeries"/>.</summary>
    /// <param name="series">The station's meter around the range.</param>
    /// <param name="replacements">The station's meter replacements from the registry.</param>
    /// <param name="from">First local day wanted.</param>
    /// <param name="to">Last local day wanted.</param>
    /// <param name="daylight">The station's daylight, to weigh gaps.</param>
    public static MeterEnergy Compute(
        MeterSeries series, IReadOnlyList<MeterReplacement> replacements, DateOnly from, DateOnly to, DaylightWindow daylight)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Compute(series.Flatten(), series.Days.ToDictionary(d => d.Date, d => (int)d.Readings), replacements, from, to, daylight);
    }

    private static MeterEnergy Compute(
        IEnumerable<(MeterPoint Point, MeterDay? Summary)> readings,
        Dictionary<DateOnly, int>? readingCounts,
        IReadOnlyList<MeterReplacement> replacements,
        DateOnly from,
        DateOnly to,
        DaylightWindow daylight)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        ArgumentNullException.ThrowIfNull(daylight);
        if (to < from)
        {
            throw new ArgumentException($"the range {from:yyyy-MM-dd}…{to:yyyy-MM-dd} is empty", nameof(to));
        }

        var events = new List<MeterEvent>();
        var swaps = replacements.Select(r => (AtMs: r.At.ToUnixTimeMilliseconds(), Replacement: r)).OrderBy(r => r.AtMs).ToArray();
        var points = Deduplicate(readings);
        var counts = readingCounts ?? points.GroupBy(p => ChinaTime.LocalDate(p.Point.TimestampMs)).ToDictionary(g => g.Key, g => g.Count());
        points = MeterSteps.RemoveGlitches(points, swaps, events);

        var days = new Dictionary<DateOnly, DayAccumulator>();
        var windows = new Dictionary<DateOnly, (long StartMs, long EndMs)>();
        (long StartMs, long EndMs) Window(DateOnly d) => windows.TryGetValue(d, out var w) ? w : windows[d] = daylight.For(d);
        DayAccumulator Day(DateOnly d) => days.TryGetValue(d, out var acc) ? acc : days[d] = new DayAccumulator();

        for (var i = 1; i < points.Count; i++)
        {
            var ((a, sa), (b, sb)) = (points[i - 1], points[i]);
            bool reset, unverified;
            decimal kwh;
            if (sb is not null && ReferenceEquals(sa, sb) && a.TimestampMs == sb.FirstAtMs && b.TimestampMs == sb.LastAtMs)
            {
                kwh = MeterSteps.Summary(a, b, sb, swaps, events, out unverified);
                reset = false;
            }
            else
            {
                kwh = MeterSteps.Step(a, b, swaps, events, out reset);
                unverified = reset && (sa is not null || sb is not null); // a step down next to a reading that could not be judged a glitch
            }

            var (da, db) = (ChinaTime.LocalDate(a.TimestampMs), ChinaTime.LocalDate(b.TimestampMs));
            if (da == db)
            {
                var acc = Day(db);
                acc.Kwh += kwh;
                // Daylight matters within a day only for a reset (what the meter counted before it is unknown).
                if (unverified || (reset && Overlaps(a.TimestampMs, b.TimestampMs, da, db, Window, out _) > GapTolerance.TotalMilliseconds))
                {
                    acc.Flag(EstimationMethod.ResetFromZero);
                }
            }
            else if (Overlaps(a.TimestampMs, b.TimestampMs, da, db, Window, out var overlaps) is var daylightMs
                && (db.DayNumber - da.DayNumber >= 2 || daylightMs > GapTolerance.TotalMilliseconds))
            {
                Spread(kwh, da, overlaps, Day);
            }
            else
            {
                var acc = Day(db);
                acc.Kwh += kwh;
                if (unverified)
                {
                    acc.Flag(EstimationMethod.ResetFromZero);
                }
            }
        }

        var first = points.Count > 0 ? ChinaTime.LocalDate(points[0].Point.TimestampMs) : DateOnly.MaxValue;
        var last = points.Count > 0 ? ChinaTime.LocalDate(points[^1].Point.TimestampMs) : DateOnly.MinValue;
        var result = new List<DayEnergy>(to.DayNumber - from.DayNumber + 1);
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var readingsOnDay = counts.GetValueOrDefault(d);
            if (d < first || d > last)
            {
                result.Add(new DayEnergy(d, 0m, EnergyQuality.Missing, EstimationMethod.None, readingsOnDay));
                continue;
            }

            var acc = days.GetValueOrDefault(d);
            result.Add(acc is { Method: not EstimationMethod.None }
                ? new DayEnergy(d, acc.Kwh, EnergyQuality.Estimated, acc.Method, readingsOnDay)
                : new DayEnergy(d, acc?.Kwh ?? 0m, EnergyQuality.Measured, EstimationMethod.None, readingsOnDay));
        }

        return new MeterEnergy(result, events);
    }

    /// <summary>The readings in time order, one per device time (the last given wins).</summary>
    private static List<(MeterPoint Point, MeterDay? Summary)> Deduplicate(IEnumerable<(MeterPoint Point, MeterDay? Summary)> readings)
    {
        var list = readings.ToList();
        var ordered = true;
        for (var i = 1; i < list.Count && ordered; i++)
        {
            ordered = list[i - 1].Point.TimestampMs < list[i].Point.TimestampMs;
        }

        if (ordered)
        {
            return list; // what a series gives: nothing to sort or drop
        }

        var byTime = new SortedDictionary<long, (MeterPoint, MeterDay?)>();
        foreach (var p in list)
        {
            byTime[p.Point.TimestampMs] = p;
        }

        return [.. byTime.Values];
    }

    /// <summary>Milliseconds of daylight in (a, b], and per day from <paramref name="da"/> on.</summary>
    private static double Overlaps(long a, long b, DateOnly da, DateOnly db, Func<DateOnly, (long StartMs, long EndMs)> window, out long[] perDay)
    {
        perDay = new long[db.DayNumber - da.DayNumber + 1];
        var total = 0L;
        for (var i = 0; i < perDay.Length; i++)
        {
            var (start, end) = window(da.AddDays(i));
            perDay[i] = Math.Max(0, Math.Min(end, b) - Math.Max(start, a));
            total += perDay[i];
        }

        return total;
    }

    private static void Spread(decimal kwh, DateOnly da, long[] overlaps, Func<DateOnly, DayAccumulator> day)
    {
        if (kwh == 0m)
        {
            return; // the meter did not move: the gap's days had no production, which is known exactly
        }

        var weights = overlaps.Select(o => (decimal)o).ToArray();
        if (weights.All(w => w == 0m))
        {
            weights[^1] = 1m;
        }

        var parts = LargestRemainder.AllocateUnits((long)(kwh * 1000m), weights);
        for (var i = 0; i < parts.Length; i++)
        {
            if (weights[i] > 0m)
            {
                var acc = day(da.AddDays(i));
                acc.Kwh += parts[i] / 1000m;
                acc.Flag(EstimationMethod.DaylightProRata);
            }
        }
    }

    private sealed class DayAccumulator
    {
        public decimal Kwh { get; set; }

        public EstimationMethod Method { get; private set; }

        public void Flag(EstimationMethod method)
        {
            if (Method == EstimationMethod.None)
            {
                Method = method;
            }
        }
    }
}
