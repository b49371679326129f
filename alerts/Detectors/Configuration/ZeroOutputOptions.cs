using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Pv:ZeroOutput</c>.</summary>
public sealed class ZeroOutputOptions
{
    /// <summary>Judge only while the clear-sky expectation is at least this fraction of the AC rating (sun well up).</summary>
    [Range(0.05, 1.0)]
    public double MinClearSkyFraction { get; set; } = 0.4;

    /// <summary>Output at or below this fraction of the AC rating counts as zero.</summary>
    [Range(0.0, 0.2)]
    public double NearZeroFraction { get; set; } = 0.005;

    /// <summary>How long the output must stay near zero, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double DurationMinutes { get; set; } = 20;

    /// <summary>How long the station must produce again before the alert clears, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double ClearAfterMinutes { get; set; } = 10;
}
