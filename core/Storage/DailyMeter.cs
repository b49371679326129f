using Telemetry.Core.Time;

namespace Telemetry.Core.Storage;

/// <summary>
/// The lifetime meter (<c>e_total_kwh</c>) of one station over one China-time day, as the store aggregates it: the first and
/// last reading (register and device time), how many readings there were, the lowest register, and the steps between
/// consecutive readings of the day (the rises summed, the falls counted). This is also what is kept long-term after raw
/// readings expire (the daily rollup).
/// </summary>
/// <remarks>
/// <para>Only steps between two readings of the same day count: the step from the previous day's last reading to this day's
/// first (the night, or a longer gap) belongs to neither aggregate; a reader derives it from the two days' <see cref="LastKwh"/>
/// and <see cref="FirstKwh"/>. So a day's aggregate depends on that day's readings alone, and a late reading for one day
/// never makes another day's rollup stale.</para>
/// <para>With no step down (<see cref="StepsDown"/> = 0) the register rose all day: <see cref="RiseKwh"/> = <see cref="LastKwh"/>
/// − <see cref="FirstKwh"/> (to floating-point rounding) and <see cref="MinKwh"/> = <see cref="FirstKwh"/>. A step down is a
/// counter reset, a meter replacement or a glitch; the aggregate says that it happened, not which (revenue reads the day's
/// readings to tell, while they are kept). Duplicates (the same device time again) are one reading in every store, so replays
/// change nothing.</para>
/// </remarks>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="FirstKwh">The meter at the day's first reading (by device time).</param>
/// <param name="LastKwh">The meter at the day's last reading.</param>
/// <param name="Readings">Readings stored for the day.</param>
/// <param name="FirstAt">Device time of the day's first reading.</param>
/// <param name="LastAt">Device time of the day's last reading (= <see cref="FirstAt"/> with one reading).</param>
/// <param name="MinKwh">The lowest register of the day.</param>
/// <param name="RiseKwh">The sum of the day's steps up: every reading's register minus the previous reading's of the same day, where positive.</param>
/// <param name="StepsDown">How many readings of the day have a lower register than the reading before them on the same day.</param>
public sealed record DailyMeter(
    DateOnly Date,
    double FirstKwh,
    double LastKwh,
    long Readings,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    double MinKwh,
    double RiseKwh,
    long StepsDown)
{
    /// <summary>
    /// A day known only by its first and last register (a rollup written before the aggregate had times, minimum and steps):
    /// the first reading is placed at the start of the day and the last at its end, and the day is taken to have risen from
    /// first to last, or — when the last is lower — to have had one step down to the last register.
    /// </summary>
    public DailyMeter(DateOnly date, double firstKwh, double lastKwh, long readings)
        : this(
            date,
            firstKwh,
            lastKwh,
            readings,
            ChinaTime.StartOfDay(date),
            ChinaTime.StartOfDay(date.AddDays(1)).AddMilliseconds(-1),
            Math.Min(firstKwh, lastKwh),
            Math.Max(lastKwh - firstKwh, 0),
            lastKwh < firstKwh ? 1 : 0)
    {
    }
}
