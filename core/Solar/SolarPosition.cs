namespace Telemetry.Core.Solar;

/// <summary>
/// Where the sun stands, seen from a point on the ground at one instant: the NOAA solar calculator (after Meeus),
/// accurate to about 0.01° in zenith between 1800 and 2100, with atmospheric refraction.
/// </summary>
/// <param name="ZenithDegrees">Geometric (true) zenith angle, degrees; above 90 the sun is below the horizon.</param>
/// <param name="ApparentZenithDegrees">Zenith corrected for atmospheric refraction, degrees (what clear-sky models use).</param>
/// <param name="AzimuthDegrees">Azimuth, degrees clockwise from north (180 = due south).</param>
/// <param name="DeclinationDegrees">Solar declination, degrees.</param>
/// <param name="EquationOfTimeMinutes">Apparent minus mean solar time, minutes.</param>
/// <param name="EarthSunDistanceAu">Earth–sun distance, astronomical units.</param>
public readonly record struct SolarPosition(
    double ZenithDegrees,
    double ApparentZenithDegrees,
    double AzimuthDegrees,
    double DeclinationDegrees,
    double EquationOfTimeMinutes,
    double EarthSunDistanceAu)
{
    /// <summary>Solar constant used for extraterrestrial irradiance, W/m² (Kopp &amp; Lean 2011).</summary>
    public const double SolarConstantWm2 = 1361.0;

    /// <summary>Apparent elevation above the horizon, degrees (negative at night).</summary>
    public double ElevationDegrees => 90.0 - ApparentZenithDegrees;

    /// <summary>True when the sun's apparent upper edge is above the horizon (elevation above −0.833°).</summary>
    public bool IsDaylight => ElevationDegrees > -0.833;

    /// <summary>Extraterrestrial irradiance normal to the sun's rays at the top of the atmosphere, W/m².</summary>
    public double ExtraterrestrialNormalWm2 => SolarConstantWm2 / (EarthSunDistanceAu * EarthSunDistanceAu);

    /// <summary>Computes the sun's position for a WGS-84 location at an instant.</summary>
    /// <param name="latitudeDegrees">Latitude, degrees north.</param>
    /// <param name="longitudeDegrees">Longitude, degrees east.</param>
    /// <param name="instant">The instant (any offset; only the UTC instant matters).</param>
    public static SolarPosition Compute(double latitudeDegrees, double longitudeDegrees, DateTimeOffset instant)
    {
        var unixMs = instant.ToUnixTimeMilliseconds();
        var sun = SunEphemeris.At(unixMs);
        var minutesOfDay = (double)(((unixMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000.0;
        var trueSolarMinutes = minutesOfDay + sun.EquationOfTimeMinutes + (4.0 * longitudeDegrees);
        trueSolarMinutes = ((trueSolarMinutes % 1440.0) + 1440.0) % 1440.0;
        var hourAngle = (trueSolarMinutes / 4.0) - 180.0;

        var lat = Angles.Rad(latitudeDegrees);
        var decl = Angles.Rad(sun.DeclinationDegrees);
        var cosZenith = (Math.Sin(lat) * Math.Sin(decl)) + (Math.Cos(lat) * Math.Cos(decl) * Math.Cos(Angles.Rad(hourAngle)));
        var zenith = Angles.Deg(Math.Acos(Math.Clamp(cosZenith, -1.0, 1.0)));

        double azimuth;
        var denominator = Math.Cos(lat) * Math.Sin(Angles.Rad(zenith));
        if (Math.Abs(denominator) < 1e-9)
        {
            azimuth = latitudeDegrees > 0 ? 180.0 : 0.0;
        }
        else
        {
            var cosAz = ((Math.Sin(lat) * Math.Cos(Angles.Rad(zenith))) - Math.Sin(decl)) / denominator;
            var a = Angles.Deg(Math.Acos(Math.Clamp(cosAz, -1.0, 1.0)));
            azimuth = hourAngle > 0 ? (a + 180.0) % 360.0 : (540.0 - a) % 360.0;
        }

        var apparentZenith = zenith - Refraction(90.0 - zenith);
        return new SolarPosition(zenith, apparentZenith, azimuth, sun.DeclinationDegrees, sun.EquationOfTimeMinutes, sun.DistanceAu);
    }

    /// <summary>True when the sun's apparent elevation at the location exceeds <paramref name="minElevationDegrees"/>.</summary>
    /// <remarks>
    /// Use a few degrees (e.g. 5–10) for "the station should be producing": a PV array produces little at the horizon
    /// and inverters start only above a minimum DC power.
    /// </remarks>
    public static bool IsSunUp(double latitudeDegrees, double longitudeDegrees, DateTimeOffset instant, double minElevationDegrees = 0) =>
        Compute(latitudeDegrees, longitudeDegrees, instant).ElevationDegrees > minElevationDegrees;

    /// <summary>Atmospheric refraction at a geometric elevation, degrees (NOAA approximation).</summary>
    private static double Refraction(double elevation)
    {
        if (elevation > 85.0)
        {
            return 0.0;
        }

        var te = Math.Tan(Angles.Rad(elevation));
        double arcSeconds;
        if (elevation > 5.0)
        {
            arcSeconds = (58.1 / te) - (0.07 / (te * te * te)) + (0.000086 / Math.Pow(te, 5));
        }
        else if (elevation > -0.575)
        {
            arcSeconds = 1735.0 + (elevation * (-518.2 + (elevation * (103.4 + (elevation * (-12.79 + (elevation * 0.711)))))));
        }
        else
        {
            arcSeconds = -20.772 / te;
        }

        return arcSeconds / 3600.0;
    }
}
