namespace Telemetry.Core.Solar;

/// <summary>
/// Clear-sky irradiance models: what a cloudless sky delivers for a sun position, site altitude and atmospheric
/// turbidity. Used both to simulate PV output and, by the alerts, as the expectation to judge underperformance against.
/// </summary>
public static class ClearSky
{
    /// <summary>
    /// Ineichen–Perez clear-sky model (Ineichen &amp; Perez 2002, as implemented by pvlib without the Perez enhancement):
    /// global, direct normal and diffuse irradiance.
    /// </summary>
    /// <param name="sun">Sun position (its apparent zenith and the extraterrestrial irradiance are used).</param>
    /// <param name="linkeTurbidity">Linke turbidity factor (about 2 for very clean air, 3–6 for hazy continental air).</param>
    /// <param name="altitudeMetres">Site altitude above sea level, metres.</param>
    public static IrradianceComponents Ineichen(in SolarPosition sun, double linkeTurbidity, double altitudeMetres)
    {
        var cosZenith = Angles.CosD(sun.ApparentZenithDegrees);
        if (cosZenith <= 0)
        {
            return IrradianceComponents.Dark;
        }

        var airMass = AbsoluteAirMass(sun.ApparentZenithDegrees, altitudeMetres);
        var dniExtra = sun.ExtraterrestrialNormalWm2;
        var tl = linkeTurbidity;
        var fh1 = Math.Exp(-altitudeMetres / 8000.0);
        var fh2 = Math.Exp(-altitudeMetres / 1250.0);
        var cg1 = (5.09e-5 * altitudeMetres) + 0.868;
        var cg2 = (3.92e-5 * altitudeMetres) + 0.0387;

        var ghi = cg1 * dniExtra * cosZenith * Math.Exp(-cg2 * airMass * (fh1 + (fh2 * (tl - 1))));
        var b = 0.664 + (0.163 / fh1);
        var bnci = dniExtra * b * Math.Exp(-0.09 * airMass * (tl - 1));
        var bnci2 = ghi * Math.Clamp((1 - ((0.1 - (0.2 * Math.Exp(-tl))) / (0.1 + (0.882 / fh1)))) / cosZenith, 0, 1e20);
        var dni = Math.Max(0, Math.Min(bnci, bnci2));
        var dhi = Math.Max(0, ghi - (dni * cosZenith));
        return new IrradianceComponents(Math.Max(0, ghi), dni, dhi);
    }

    /// <summary>Haurwitz (1945) clear-sky global horizontal irradiance, W/m²: needs only the zenith angle.</summary>
    /// <param name="apparentZenithDegrees">Apparent solar zenith, degrees.</param>
    public static double HaurwitzGhi(double apparentZenithDegrees)
    {
        var cosZenith = Angles.CosD(apparentZenithDegrees);
        return cosZenith <= 0 ? 0 : 1098.0 * cosZenith * Math.Exp(-0.059 / cosZenith);
    }

    /// <summary>Relative optical air mass (Kasten &amp; Young 1989); infinite when the sun is below the horizon.</summary>
    /// <param name="apparentZenithDegrees">Apparent solar zenith, degrees.</param>
    public static double RelativeAirMass(double apparentZenithDegrees)
    {
        if (apparentZenithDegrees >= 90)
        {
            return double.PositiveInfinity;
        }

        return 1.0 / (Angles.CosD(apparentZenithDegrees) + (0.50572 * Math.Pow(96.07995 - apparentZenithDegrees, -1.6364)));
    }

    /// <summary>Air mass corrected for the site's pressure (standard atmosphere at its altitude).</summary>
    /// <param name="apparentZenithDegrees">Apparent solar zenith, degrees.</param>
    /// <param name="altitudeMetres">Site altitude above sea level, metres.</param>
    public static double AbsoluteAirMass(double apparentZenithDegrees, double altitudeMetres) =>
        RelativeAirMass(apparentZenithDegrees) * Math.Pow(1 - (2.25577e-5 * altitudeMetres), 5.25588);

    /// <summary>
    /// Applies cloud attenuation to clear-sky irradiance. Clouds first remove the direct beam (which is gone below about
    /// 30% transmission) while the diffuse share grows; values slightly above 1 model cloud-edge enhancement.
    /// </summary>
    /// <param name="clear">Clear-sky irradiance.</param>
    /// <param name="sun">The same sun position.</param>
    /// <param name="cloudTransmission">Global irradiance relative to clear sky, 0–1.2 (the clear-sky index).</param>
    public static IrradianceComponents UnderClouds(in IrradianceComponents clear, in SolarPosition sun, double cloudTransmission)
    {
        var t = Math.Clamp(cloudTransmission, 0, 1.2);
        var cosZenith = Math.Max(0, Angles.CosD(sun.ApparentZenithDegrees));
        var ghi = clear.GhiWm2 * t;
        var beamShare = t >= 1 ? 1 : Math.Pow(Math.Clamp((t - 0.3) / 0.7, 0, 1), 1.3);
        var dni = clear.DniWm2 * beamShare;
        var dhi = Math.Max(0, ghi - (dni * cosZenith));
        return new IrradianceComponents(ghi, dni, dhi);
    }
}
