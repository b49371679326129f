using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>The step rules of <see cref="MeterEnergyCalculator"/>: glitches, a step between two readings, a summarised day.</summary>
internal static class MeterSteps
{
    /// <summary>Drops isolated spikes and dips (see the calculator's remarks); a summarised day's first and last reading are never judged, their neighbour inside the day being unknown.</summary>
    public static List<(MeterPoint Point, MeterDay? Summary)> RemoveGlitches(
        List<(MeterPoint Point, MeterDay? Summary)> points, (long AtMs, MeterReplacement R)[] swaps, List<MeterEvent> events)
    {
        if (points.Count < 3)
        {
            return points;
        }

        var kept = new List<(MeterPoint, MeterDay?)>(points.Count) { points[0] };
        for (var i = 1; i < points.Count - 1; i++)
        {
            var (prev, (p, summary), next) = (kept[^1].Item1, points[i], points[i + 1].Point);
            var swapBetween = swaps.Any(s => s.AtMs > prev.TimestampMs && s.AtMs <= next.TimestampMs);
            var dip = p.Kwh < prev.Kwh && next.Kwh >= prev.Kwh;
            var spike = p.Kwh > next.Kwh && next.Kwh >= prev.Kwh;
            if (summary is null && !swapBetween && (dip || spike))
            {
                events.Add(new MeterEvent(ChinaTime.LocalDate(p.TimestampMs), MeterEventKind.Glitch, string.Create(
                    CultureInfo.InvariantCulture, $"{(dip ? "dip" : "spike")} {p.Kwh} kWh between {prev.Kwh} and {next.Kwh} ignored")));
                continue;
            }

            kept.Add(points[i]);
        }

        kept.Add(points[^1]);
        return kept;
    }

    /// <summary>Energy between two consecutive readings: up is energy, down is a reset (counted from zero), a replacement inside is bridged.</summary>
    public static decimal Step(MeterPoint a, MeterPoint b, (long AtMs, MeterReplacement R)[] swaps, List<MeterEvent> events, out bool reset)
    {
        reset = false;
        var register = a.Kwh;
        var kwh = 0m;
        foreach (var (atMs, r) in swaps)
        {
            if (atMs <= a.TimestampMs || atMs > b.TimestampMs)
            {
                continue;
            }

            var date = ChinaTime.LocalDate(atMs);
            if (r.OldMeterFinalKwh < register)
            {
                events.Add(new MeterEvent(date, MeterEventKind.ReplacementMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"old meter's final register {r.OldMeterFinalKwh} kWh is below the reading {register} kWh before the swap; its part counted as 0")));
            }
            else
            {
                kwh += r.OldMeterFinalKwh - register;
            }

            events.Add(new MeterEvent(date, MeterEventKind.Replacement, string.Create(CultureInfo.InvariantCulture,
                $"old meter {r.OldMeterFinalKwh} kWh → new meter {r.NewMeterInitialKwh} kWh{(r.Note is null ? "" : " (" + r.Note + ")")}")));
            register = r.NewMeterInitialKwh;
        }

        if (b.Kwh >= register)
        {
            return kwh + (b.Kwh - register);
        }

        reset = true;
        events.Add(new MeterEvent(ChinaTime.LocalDate(b.TimestampMs), MeterEventKind.Reset, string.Create(CultureInfo.InvariantCulture,
            $"register fell from {register} to {b.Kwh} kWh; counted from zero")));
        return kwh + b.Kwh;
    }

    /// <summary>
    /// Energy from a summarised day's first reading <paramref name="a"/> to its last <paramref name="b"/>. With no more steps
    /// down than replacements inside, it is <see cref="Step"/> (exact). Otherwise the resets are known only from the aggregate:
    /// the energy is the day's rises plus, for each step down, the day's lowest register (the register a counter restarted from
    /// zero shows first) — a lower bound, exact for one reset that goes below the day's first reading — and
    /// <paramref name="estimated"/> is set, since a glitch cannot be told from a reset without the readings.
    /// </summary>
    public static decimal Summary(MeterPoint a, MeterPoint b, MeterDay day, (long AtMs, MeterReplacement R)[] swaps, List<MeterEvent> events, out bool estimated)
    {
        var swapsInside = swaps.Count(s => s.AtMs > a.TimestampMs && s.AtMs <= b.TimestampMs);
        estimated = day.StepsDown > swapsInside;
        if (!estimated || swapsInside > 0)
        {
            var bridged = Step(a, b, swaps, events, out _);
            if (estimated)
            {
                events.Add(new MeterEvent(day.Date, MeterEventKind.Reset, string.Create(CultureInfo.InvariantCulture,
                    $"{day.StepsDown - swapsInside} step(s) down besides the meter replacement, known only from the day's aggregate; not counted")));
            }

            return bridged;
        }

        events.Add(new MeterEvent(day.Date, MeterEventKind.Reset, string.Create(CultureInfo.InvariantCulture,
            $"register stepped down {day.StepsDown} time(s) during the day, known only from the day's aggregate: counted from zero, each from the day's lowest register {day.MinKwh} kWh")));
        return day.RiseKwh + (day.StepsDown * day.MinKwh);
    }
}
