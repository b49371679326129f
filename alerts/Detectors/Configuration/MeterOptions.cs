using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Pv:Meter</c>.</summary>
public sealed class MeterOptions
{
    /// <summary>Largest decrease of <c>e_total_kwh</c> tolerated between readings, kWh.</summary>
    [Range(0.0, 1_000.0)]
    public double BackwardsToleranceKwh { get; set; } = 0.05;

    /// <summary>How long the meter must count forward again before a backwards alert clears, minutes.</summary>
    [Range(0.0, 7 * 24 * 60)]
    public double BackwardsClearAfterMinutes { get; set; } = 60;

    /// <summary>Shortest frozen span that may raise, minutes.</summary>
    [Range(1.0, 24 * 60)]
    public double FrozenMinutes { get; set; } = 30;

    /// <summary>Energy the reported power must imply over the frozen span, kWh (well above the 0.01 kWh resolution).</summary>
    [Range(0.01, 10_000.0)]
    public double FrozenMinExpectedKwh { get; set; } = 0.2;

    /// <summary>Smallest meter change that counts as movement, kWh.</summary>
    [Range(0.0, 100.0)]
    public double ResolutionKwh { get; set; } = 0.005;
}
