namespace Telemetry.Core.Solar;

/// <summary>Everything the output model computed for one instant: sun, irradiance, temperatures and power.</summary>
/// <param name="Sun">Sun position.</param>
/// <param name="Horizontal">Horizontal irradiance after clouds.</param>
/// <param name="Poa">Plane-of-array irradiance after clouds.</param>
/// <param name="AmbientC">Ambient air temperature used, °C.</param>
/// <param name="CellC">Cell temperature, °C.</param>
/// <param name="DcKw">DC power at the inverter input after losses, kW.</param>
/// <param name="AcKw">AC output power after inverter efficiency and clipping, kW.</param>
/// <param name="Clipped">True when the inverter limited the output to its AC rating.</param>
public readonly record struct PvOperatingPoint(
    SolarPosition Sun,
    IrradianceComponents Horizontal,
    PlaneOfArray Poa,
    double AmbientC,
    double CellC,
    double DcKw,
    double AcKw,
    bool Clipped)
{
    /// <summary>Back-of-module temperature, °C.</summary>
    public double ModuleBackC => CellTemperature.ModuleBack(CellC, Poa.GlobalWm2);
}
