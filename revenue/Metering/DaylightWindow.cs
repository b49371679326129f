using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// When a station can produce on a given day: sunrise to sunset from the standard declination / hour-angle approximation with
/// the equation of time, widened by <see cref="Margin"/> on both sides. Used only to weigh a gap's energy between days.
/// </summary>
public sealed class DaylightWindow
{
    /// <summary>Added before sunrise and after sunset (refraction, the approximation's error, diffuse light at dawn).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(30);

    private readonly double _latitudeRad;
    private readonly double _longitudeDeg;

    /// <summary>A window for a site at WGS-84 <paramref name="latitude"/> and <paramref name="longitude"/>, degrees.</summary>
    public DaylightWindow(double latitude, double longitude)
    {
        _latitudeRad = latitude * Math.PI / 180;
        _longitudeDeg = longitude;
    }

    /// <summary>Jincheng's centre (35.5°N 112.85°E), for tests and callers without a station.</summary>
    public static DaylightWindow Jincheng { get; } = new(35.5, 112.85);

    /// <summary>The production window of the China-time day <paramref name="date"/>, as Unix milliseconds [start, end).</summary>
    public (long StartMs, long EndMs) For(DateOnly date)
    {
        var n = date.DayOfYear;
        var declination = 23.44 * Math.PI / 180 * Math.Sin(2 * Math.PI * (284 + n) / 365.0);
        var cosHourAngle = Math.Clamp(-Math.Tan(_latitudeRad) * Math.Tan(declination), -1, 1);
        var halfDayHours = Math.Acos(cosHourAngle) * 180 / Math.PI / 15;
        var b = 2 * Math.PI * (n - 81) / 364.0;
        var equationOfTimeMinutes = (9.87 * Math.Sin(2 * b)) - (7.53 * Math.Cos(b)) - (1.5 * Math.Sin(b));
        var solarNoonUtcHours = 12 - (_longitudeDeg / 15) - (equationOfTimeMinutes / 60);
        var utcMidnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var start = utcMidnight.AddHours(solarNoonUtcHours - halfDayHours) - Margin;
        var end = utcMidnight.AddHours(solarNoonUtcHours + halfDayHours) + Margin;

        // Keep the window inside its own local day (it always is in China; this guards odd coordinates in tests).
        var dayStart = ChinaTime.StartOfDay(date);
        var dayEnd = ChinaTime.StartOfDay(date.AddDays(1));
        return ((start > dayStart ? start : dayStart).ToUnixTimeMilliseconds(), (end < dayEnd ? end : dayEnd).ToUnixTimeMilliseconds());
    }
}
