using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>
/// Alarm limits for one species (key <c>pig</c>) or one species and stage (key <c>pig.farrowing</c>) under
/// <c>Alerts:Barns:Limits</c>. A null limit is not checked. Barn threshold overrides in the registry replace these.
/// </summary>
public sealed class SpeciesLimits
{
    /// <summary>Air temperature low limit, °C (registry key <c>t_c.min</c>).</summary>
    [Range(-40.0, 50.0)]
    public double? TempMinC { get; set; }

    /// <summary>Air temperature high limit, °C (<c>t_c.max</c>).</summary>
    [Range(-40.0, 60.0)]
    public double? TempMaxC { get; set; }

    /// <summary>Relative humidity high limit, % (<c>rh_pct.max</c>).</summary>
    [Range(10.0, 100.0)]
    public double? HumidityMaxPct { get; set; }

    /// <summary>NH3 limit, ppm (<c>nh3_ppm.max</c>).</summary>
    [Range(0.1, 1_000.0)]
    public double? Nh3MaxPpm { get; set; }

    /// <summary>H2S limit, ppm (<c>h2s_ppm.max</c>).</summary>
    [Range(0.01, 1_000.0)]
    public double? H2sMaxPpm { get; set; }

    /// <summary>CO2 limit, ppm (<c>co2_ppm.max</c>).</summary>
    [Range(300.0, 50_000.0)]
    public double? Co2MaxPpm { get; set; }

    /// <summary>THI formula; <see cref="ThiFormula.None"/> disables the heat-stress rule.</summary>
    public ThiFormula Thi { get; set; }

    /// <summary>THI at which heat stress starts (Minor; <c>thi.max</c> in the registry).</summary>
    [Range(0.0, 150.0)]
    public double ThiAlert { get; set; }

    /// <summary>THI of the second band (Major).</summary>
    [Range(0.0, 150.0)]
    public double ThiDanger { get; set; }

    /// <summary>THI of the third band (Critical).</summary>
    [Range(0.0, 150.0)]
    public double ThiEmergency { get; set; }

    /// <summary>THI at or below which heat stress clears.</summary>
    [Range(0.0, 150.0)]
    public double ThiRecovery { get; set; }

    /// <summary>Normal water drunk per kg of feed, L/kg; null disables the water and feed rules.</summary>
    [Range(0.1, 50.0)]
    public double? WaterPerFeedLPerKg { get; set; }
}
