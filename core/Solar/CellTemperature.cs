namespace Telemetry.Core.Solar;

/// <summary>PV module temperature models.</summary>
public static class CellTemperature
{
    /// <summary>
    /// Faiman (2008) module temperature: T = T_amb + POA / (U0 + U1·wind), with the defaults for an open-rack
    /// crystalline module (U0 = 25 W/m²K, U1 = 6.84 W/m³sK); about +30 °C at 1000 W/m² and light wind.
    /// </summary>
    /// <param name="poaWm2">Plane-of-array irradiance, W/m².</param>
    /// <param name="ambientC">Ambient air temperature, °C.</param>
    /// <param name="windMs">Wind speed, m/s.</param>
    /// <param name="u0">Constant heat-loss coefficient.</param>
    /// <param name="u1">Wind heat-loss coefficient.</param>
    public static double Faiman(double poaWm2, double ambientC, double windMs = 1.5, double u0 = 25.0, double u1 = 6.84) =>
        ambientC + (Math.Max(0, poaWm2) / (u0 + (u1 * Math.Max(0, windMs))));

    /// <summary>
    /// Back-of-module temperature (what a stuck-on probe reads) from the cell temperature: about 3 °C cooler at
    /// 1000 W/m² (Sandia model's conduction difference).
    /// </summary>
    /// <param name="cellC">Cell temperature, °C.</param>
    /// <param name="poaWm2">Plane-of-array irradiance, W/m².</param>
    public static double ModuleBack(double cellC, double poaWm2) => cellC - (3.0 * Math.Max(0, poaWm2) / 1000.0);
}
