using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>
/// Configuration section <c>Alerts</c>: detector thresholds, durations and the restart replay. Every default and its
/// source is listed in <c>docs/alerts.md</c>; per-barn overrides come from the fleet registry
/// (<see cref="Core.Fleet.Barn.ThresholdOverrides"/>).
/// </summary>
public sealed class AlertsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Alerts";

    /// <summary>When false, no detectors run (the lifecycle still sees an empty signal stream).</summary>
    public bool DetectorsEnabled { get; set; } = true;

    /// <summary>Hours of stored readings replayed through the detectors at start, so pending durations survive a restart.</summary>
    [Range(0.0, 24.0 * 8)]
    public double ReplayHours { get; set; } = 24;

    /// <summary>Offline and silence detection (both kinds of device).</summary>
    [Required]
    [ValidateObjectMembers]
    public OfflineAlertOptions Offline { get; set; } = new();

    /// <summary>PV station rules.</summary>
    [Required]
    [ValidateObjectMembers]
    public PvAlertOptions Pv { get; set; } = new();

    /// <summary>Barn rules and per-species limits.</summary>
    [Required]
    [ValidateObjectMembers]
    public BarnAlertOptions Barns { get; set; } = new();
}
