using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Offline</c>.</summary>
public sealed class OfflineAlertOptions
{
    /// <summary>A device is offline after this many of its cadences without a reading.</summary>
    [Range(1.5, 1_000)]
    public double SilenceCadences { get; set; } = 5;

    /// <summary>Lower bound of the silence, minutes (fast-reporting devices are not paged for a 1-minute hiccup).</summary>
    [Range(0.0, 24 * 60)]
    public double MinSilenceMinutes { get; set; } = 5;

    /// <summary>How long a Last Will may stand before the device counts as offline, minutes (reconnects within it are quiet).</summary>
    [Range(0.0, 24 * 60)]
    public double LastWillGraceMinutes { get; set; } = 2;
}
