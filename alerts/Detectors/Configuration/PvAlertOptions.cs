using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Pv</c>.</summary>
public sealed class PvAlertOptions
{
    /// <summary>Zero or near-zero output in daylight.</summary>
    [Required]
    [ValidateObjectMembers]
    public ZeroOutputOptions ZeroOutput { get; set; } = new();

    /// <summary>Underperformance against village peers and against the clear-sky expectation (daily).</summary>
    [Required]
    [ValidateObjectMembers]
    public UnderperformanceOptions Underperformance { get; set; } = new();

    /// <summary>Grid voltage and frequency out of band, and grid-trip fault codes.</summary>
    [Required]
    [ValidateObjectMembers]
    public GridOptions Grid { get; set; } = new();

    /// <summary>Inverter internal temperature.</summary>
    [Required]
    [ValidateObjectMembers]
    public OverTemperatureOptions OverTemperature { get; set; } = new();

    /// <summary>Lifetime energy meter anomalies.</summary>
    [Required]
    [ValidateObjectMembers]
    public MeterOptions Meter { get; set; } = new();

    /// <summary>How long the inverter must report no fault code before a fault alert clears, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double FaultClearAfterMinutes { get; set; } = 30;
}
