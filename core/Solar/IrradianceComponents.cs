namespace Telemetry.Core.Solar;

/// <summary>Horizontal irradiance split into its components, W/m².</summary>
/// <param name="GhiWm2">Global horizontal irradiance.</param>
/// <param name="DniWm2">Direct normal irradiance (beam, on a surface facing the sun).</param>
/// <param name="DhiWm2">Diffuse horizontal irradiance (sky).</param>
public readonly record struct IrradianceComponents(double GhiWm2, double DniWm2, double DhiWm2)
{
    /// <summary>Night: no irradiance.</summary>
    public static IrradianceComponents Dark => default;
}
