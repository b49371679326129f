using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// What the store says about a station's meter on one China-time day (the revenue form of the store's daily aggregate,
/// <c>DailyMeter</c>, in exact decimals): first and last reading, how many readings, the lowest register, the day's steps up
/// (summed) and down (counted) between consecutive readings of the day; for a day that needs them (see
/// <see cref="MeterSeries.NeedsDetail"/>) also every reading.
/// </summary>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="FirstKwh">The register at the day's first reading (by device time).</param>
/// <param name="LastKwh">The register at the day's last reading.</param>
/// <param name="Readings">How many readings the day has.</param>
/// <param name="FirstAtMs">Device time of the first reading, Unix milliseconds.</param>
/// <param name="LastAtMs">Device time of the last reading (= <paramref name="FirstAtMs"/> with one reading).</param>
/// <param name="MinKwh">The lowest register of the day.</param>
/// <param name="RiseKwh">The sum of the steps up between consecutive readings of the day.</param>
/// <param name="StepsDown">How many steps between consecutive readings of the day go down.</param>
/// <param name="Detail">Every reading of the day, oldest first, when the day needs them; otherwise null.</param>
public sealed record MeterDay(
    DateOnly Date,
    decimal FirstKwh,
    decimal LastKwh,
    long Readings,
    long FirstAtMs,
    long LastAtMs,
    decimal MinKwh,
    decimal RiseKwh,
    long StepsDown,
    IReadOnlyList<MeterPoint>? Detail = null)
{
    /// <summary>
    /// A day known only by its first and last register: the first reading is placed at the start of the day, the last at its
    /// end, and the day is taken to have risen from first to last, or — when the last is lower — to have stepped down once
    /// to the last register.
    /// </summary>
    public MeterDay(DateOnly date, decimal firstKwh, decimal lastKwh, long readings, IReadOnlyList<MeterPoint>? detail = null)
        : this(
            date,
            firstKwh,
            lastKwh,
            readings,
            ChinaTime.StartOfDay(date).ToUnixTimeMilliseconds(),
            ChinaTime.StartOfDay(date.AddDays(1)).ToUnixTimeMilliseconds() - 1,
            Math.Min(firstKwh, lastKwh),
            Math.Max(lastKwh - firstKwh, 0m),
            lastKwh < firstKwh ? 1 : 0,
            detail)
    {
    }

    /// <summary>A day of one reading.</summary>
    public static MeterDay Single(MeterPoint reading) =>
        new(ChinaTime.LocalDate(reading.TimestampMs), reading.Kwh, reading.Kwh, 1, reading.TimestampMs, reading.TimestampMs, reading.Kwh, 0m, 0);

    /// <summary>
    /// Whether the day's readings between its first and last are hidden: the day has no <see cref="Detail"/> and more than two
    /// readings. Its first and last reading then have a neighbour inside the day that is not known.
    /// </summary>
    public bool IsSummary => Detail is not { Count: > 0 } && Readings > 2;
}
