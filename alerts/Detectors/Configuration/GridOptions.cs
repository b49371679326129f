using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Pv:Grid</c>.</summary>
public sealed class GridOptions
{
    /// <summary>Nominal phase voltage of household and village (LV) stations, V.</summary>
    [Range(100.0, 1_000.0)]
    public double LowVoltageNominalV { get; set; } = 220;

    /// <summary>Nominal phase voltage of national (800 V line) plants, V.</summary>
    [Range(100.0, 1_000.0)]
    public double PlantNominalV { get; set; } = 462;

    /// <summary>Over-voltage at or above this multiple of nominal (GB/T 29319: trip above 110 %).</summary>
    [Range(1.0, 2.0)]
    public double OverVoltageRatio { get; set; } = 1.10;

    /// <summary>Under-voltage at or below this multiple of nominal.</summary>
    [Range(0.1, 1.0)]
    public double UnderVoltageRatio { get; set; } = 0.85;

    /// <summary>Over-frequency at or above this, Hz.</summary>
    [Range(50.0, 55.0)]
    public double MaxFrequencyHz { get; set; } = 50.2;

    /// <summary>Under-frequency at or below this, Hz.</summary>
    [Range(45.0, 50.0)]
    public double MinFrequencyHz { get; set; } = 49.5;

    /// <summary>How long a measured value must stay out of band, minutes (a code raises at once).</summary>
    [Range(0.0, 24 * 60)]
    public double DurationMinutes { get; set; } = 5;

    /// <summary>How long the grid must be back in band, without trip codes, before the alert clears, minutes. Long, because
    /// rural grid trips recur (the inverter reconnects, voltage rises again, it trips again).</summary>
    [Range(0.0, 24 * 60)]
    public double ClearAfterMinutes { get; set; } = 45;
}
