namespace Telemetry.Core.Solar;

/// <summary>The sun's declination, equation of time and distance for an instant (NOAA / Meeus, chapter 25).</summary>
internal readonly record struct SunEphemeris(double DeclinationDegrees, double EquationOfTimeMinutes, double DistanceAu)
{
    public static SunEphemeris At(long unixMs)
    {
        var julianDay = (unixMs / 86_400_000.0) + 2_440_587.5;
        var t = (julianDay - 2_451_545.0) / 36_525.0;

        var meanLongitude = (280.46646 + (t * (36_000.76983 + (t * 0.0003032)))) % 360.0;
        var meanAnomaly = 357.52911 + (t * (35_999.05029 - (0.0001537 * t)));
        var eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        var center = (Angles.SinD(meanAnomaly) * (1.914602 - (t * (0.004817 + (0.000014 * t)))))
            + (Angles.SinD(2 * meanAnomaly) * (0.019993 - (0.000101 * t)))
            + (Angles.SinD(3 * meanAnomaly) * 0.000289);
        var trueLongitude = meanLongitude + center;
        var trueAnomaly = meanAnomaly + center;
        var distance = 1.000001018 * (1 - (eccentricity * eccentricity)) / (1 + (eccentricity * Angles.CosD(trueAnomaly)));
        var omega = 125.04 - (1934.136 * t);
        var apparentLongitude = trueLongitude - 0.00569 - (0.00478 * Angles.SinD(omega));
        var meanObliquity = 23.0 + ((26.0 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60.0)) / 60.0);
        var obliquity = meanObliquity + (0.00256 * Angles.CosD(omega));
        var declination = Angles.Deg(Math.Asin(Angles.SinD(obliquity) * Angles.SinD(apparentLongitude)));

        var y = Math.Tan(Angles.Rad(obliquity / 2));
        y *= y;
        var l0 = Angles.Rad(meanLongitude);
        var m = Angles.Rad(meanAnomaly);
        var equationOfTime = 4.0 * Angles.Deg(
            (y * Math.Sin(2 * l0))
            - (2 * eccentricity * Math.Sin(m))
            + (4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0))
            - (0.5 * y * y * Math.Sin(4 * l0))
            - (1.25 * eccentricity * eccentricity * Math.Sin(2 * m)));

        return new SunEphemeris(declination, equationOfTime, distance);
    }
}
