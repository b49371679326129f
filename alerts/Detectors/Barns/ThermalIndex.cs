using Telemetry.Alerts.Detectors.Configuration;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>Temperature-humidity indices (research/domain.md §6.4).</summary>
internal static class ThermalIndex
{
    /// <summary>THI for a formula; <paramref name="rhPct"/> in percent.</summary>
    public static double Of(ThiFormula formula, double tempC, double rhPct)
    {
        var rh = Math.Clamp(rhPct, 0, 100) / 100.0;
        return formula switch
        {
            ThiFormula.Cattle => (0.8 * tempC) + (rh * (tempC - 14.4)) + 46.4,
            ThiFormula.Sheep => tempC - ((0.31 - (0.31 * rh)) * (tempC - 14.4)),
            _ => double.NaN,
        };
    }
}
