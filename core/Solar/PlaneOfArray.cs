namespace Telemetry.Core.Solar;

/// <summary>Irradiance on a tilted module plane (plane of array), W/m².</summary>
/// <param name="GlobalWm2">Total plane-of-array irradiance (what a tilted irradiance sensor reads).</param>
/// <param name="BeamWm2">Direct component on the plane.</param>
/// <param name="SkyDiffuseWm2">Sky diffuse component.</param>
/// <param name="GroundDiffuseWm2">Ground-reflected component.</param>
/// <param name="AngleOfIncidenceDegrees">Angle between the sun's rays and the module normal, degrees.</param>
public readonly record struct PlaneOfArray(
    double GlobalWm2,
    double BeamWm2,
    double SkyDiffuseWm2,
    double GroundDiffuseWm2,
    double AngleOfIncidenceDegrees)
{
    /// <summary>Angle of incidence of the sun's rays on a plane, degrees (above 90: the sun is behind the plane).</summary>
    /// <param name="sun">Sun position.</param>
    /// <param name="tiltDegrees">Plane tilt from horizontal, degrees.</param>
    /// <param name="azimuthDegrees">Plane azimuth, degrees clockwise from north (180 = south).</param>
    public static double AngleOfIncidence(in SolarPosition sun, double tiltDegrees, double azimuthDegrees)
    {
        var z = sun.ApparentZenithDegrees;
        var cosAoi = (Angles.CosD(z) * Angles.CosD(tiltDegrees))
            + (Angles.SinD(z) * Angles.SinD(tiltDegrees) * Angles.CosD(sun.AzimuthDegrees - azimuthDegrees));
        return Angles.Deg(Math.Acos(Math.Clamp(cosAoi, -1, 1)));
    }

    /// <summary>Isotropic-sky transposition (Liu &amp; Jordan): beam by geometry, sky diffuse by the view factor.</summary>
    /// <param name="sun">Sun position.</param>
    /// <param name="sky">Horizontal irradiance components.</param>
    /// <param name="tiltDegrees">Plane tilt from horizontal, degrees.</param>
    /// <param name="azimuthDegrees">Plane azimuth, degrees clockwise from north (180 = south).</param>
    /// <param name="albedo">Ground reflectance (0.2 for grass and soil; up to 0.6 with snow).</param>
    public static PlaneOfArray Isotropic(in SolarPosition sun, in IrradianceComponents sky, double tiltDegrees, double azimuthDegrees, double albedo = 0.2)
    {
        var aoi = AngleOfIncidence(sun, tiltDegrees, azimuthDegrees);
        if (sky.GhiWm2 <= 0)
        {
            return new PlaneOfArray(0, 0, 0, 0, aoi);
        }

        var beam = Math.Max(0, sky.DniWm2 * Angles.CosD(aoi));
        var cosTilt = Angles.CosD(tiltDegrees);
        var skyDiffuse = sky.DhiWm2 * (1 + cosTilt) / 2;
        var ground = sky.GhiWm2 * albedo * (1 - cosTilt) / 2;
        return new PlaneOfArray(beam + skyDiffuse + ground, beam, skyDiffuse, ground, aoi);
    }

    /// <summary>ASHRAE incidence-angle modifier for the beam (glass reflection at oblique angles), b0 = 0.05.</summary>
    /// <param name="angleOfIncidenceDegrees">Angle of incidence, degrees.</param>
    public static double AshraeIam(double angleOfIncidenceDegrees)
    {
        if (angleOfIncidenceDegrees >= 90)
        {
            return 0;
        }

        return Math.Clamp(1 - (0.05 * ((1 / Angles.CosD(angleOfIncidenceDegrees)) - 1)), 0, 1);
    }
}
