using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Pv:OverTemperature</c>.</summary>
public sealed class OverTemperatureOptions
{
    /// <summary>Major at or above this internal temperature, °C.</summary>
    [Range(30.0, 150.0)]
    public double MajorC { get; set; } = 75;

    /// <summary>Critical at or above this, °C.</summary>
    [Range(30.0, 150.0)]
    public double CriticalC { get; set; } = 85;

    /// <summary>Clears below this, °C.</summary>
    [Range(20.0, 150.0)]
    public double ClearBelowC { get; set; } = 65;

    /// <summary>How long the temperature must stay high, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double DurationMinutes { get; set; } = 10;

    /// <summary>How long it must stay below <see cref="ClearBelowC"/> to clear, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double ClearAfterMinutes { get; set; } = 15;
}
