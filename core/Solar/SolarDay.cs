namespace Telemetry.Core.Solar;

/// <summary>Sunrise, solar noon and sunset of one local day at a location (NOAA sunrise equation, apparent disc edge).</summary>
/// <param name="Sunrise">Sunrise instant, or null during polar night or midnight sun.</param>
/// <param name="SolarNoon">The instant the sun crosses the meridian.</param>
/// <param name="Sunset">Sunset instant, or null during polar night or midnight sun.</param>
public readonly record struct SolarDay(DateTimeOffset? Sunrise, DateTimeOffset SolarNoon, DateTimeOffset? Sunset)
{
    /// <summary>Zenith of the sun's centre at sunrise and sunset: 90° plus refraction (34′) plus the solar semi-diameter (16′).</summary>
    public const double HorizonZenithDegrees = 90.833;

    /// <summary>Length of daylight, or zero when the sun does not rise.</summary>
    public TimeSpan DayLength => Sunrise is { } r && Sunset is { } s ? s - r : TimeSpan.Zero;

    /// <summary>Computes the solar day for a civil date in a time zone.</summary>
    /// <param name="latitudeDegrees">Latitude, degrees north.</param>
    /// <param name="longitudeDegrees">Longitude, degrees east.</param>
    /// <param name="date">The local civil date.</param>
    /// <param name="utcOffset">The zone's offset from UTC (China: +8 h); results carry this offset.</param>
    public static SolarDay Compute(double latitudeDegrees, double longitudeDegrees, DateOnly date, TimeSpan utcOffset)
    {
        // Evaluate the ephemeris at (approximately) local solar noon, then refine once at the computed noon.
        var localMidnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), utcOffset);
        var approxNoon = localMidnight.AddMinutes(720 - (4 * longitudeDegrees) + utcOffset.TotalMinutes);
        var noon = SolarNoonNear(longitudeDegrees, localMidnight, approxNoon);
        noon = SolarNoonNear(longitudeDegrees, localMidnight, noon);

        var sun = SunEphemeris.At(noon.ToUnixTimeMilliseconds());
        var lat = Angles.Rad(latitudeDegrees);
        var decl = Angles.Rad(sun.DeclinationDegrees);
        var cosH = (Angles.CosD(HorizonZenithDegrees) / (Math.Cos(lat) * Math.Cos(decl))) - (Math.Tan(lat) * Math.Tan(decl));
        if (cosH is < -1.0 or > 1.0)
        {
            return new SolarDay(null, noon, null);
        }

        var halfDayMinutes = 4.0 * Angles.Deg(Math.Acos(cosH));
        return new SolarDay(noon.AddMinutes(-halfDayMinutes), noon, noon.AddMinutes(halfDayMinutes));
    }

    private static DateTimeOffset SolarNoonNear(double longitudeDegrees, DateTimeOffset localMidnight, DateTimeOffset estimate)
    {
        var eot = SunEphemeris.At(estimate.ToUnixTimeMilliseconds()).EquationOfTimeMinutes;
        var minutes = 720 - (4 * longitudeDegrees) - eot + localMidnight.Offset.TotalMinutes;
        return localMidnight.AddMinutes(minutes);
    }
}
