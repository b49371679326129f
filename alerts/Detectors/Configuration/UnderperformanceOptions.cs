using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>
/// Section <c>Alerts:Pv:Underperformance</c>: the UNSW AC-only rules (research/domain.md §5.3) applied to daily
/// specific yield against the village peers' median, and to the best hour of the day against clear sky on days the
/// county saw clear sky.
/// </summary>
public sealed class UnderperformanceOptions
{
    /// <summary>Major underperformance: below this ratio …</summary>
    [Range(0.05, 1.0)]
    public double MajorRatio { get; set; } = 0.6;

    /// <summary>… on this many consecutive judged days.</summary>
    [Range(1, 60)]
    public int MajorDays { get; set; } = 3;

    /// <summary>Minor underperformance: below this ratio …</summary>
    [Range(0.05, 1.0)]
    public double MinorRatio { get; set; } = 0.8;

    /// <summary>… on this many consecutive judged days.</summary>
    [Range(1, 60)]
    public int MinorDays { get; set; } = 7;

    /// <summary>An active alert clears on the first judged day at or above this ratio.</summary>
    [Range(0.05, 1.5)]
    public double ClearRatio { get; set; } = 0.9;

    /// <summary>Fewest other valid stations in the village for a village peer comparison; with fewer, the station is
    /// compared with the other stations of its county.</summary>
    [Range(1, 100)]
    public int MinPeers { get; set; } = 2;

    /// <summary>Days whose peer median specific yield is below this are not judged (snow, storms), kWh/kWp.</summary>
    [Range(0.0, 10.0)]
    public double MinPeerYieldKwhPerKwp { get; set; } = 0.5;

    /// <summary>A day counts as clear for a county when its stations' median best-hour clear-sky index reaches this.</summary>
    [Range(0.3, 1.2)]
    public double ClearDayIndex { get; set; } = 0.85;

    /// <summary>Fewest valid stations in a county to classify its day as clear.</summary>
    [Range(1, 1_000)]
    public int MinCountyStations { get; set; } = 3;

    /// <summary>A day is evaluated once the county's readings reach this long past local midnight, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double DayCloseGraceMinutes { get; set; } = 60;

    /// <summary>A station-day is valid when its first reading is at or before this local hour …</summary>
    [Range(0.0, 12.0)]
    public double LatestFirstReadingHour { get; set; } = 7;

    /// <summary>… and its last reading at or after this local hour.</summary>
    [Range(12.0, 24.0)]
    public double EarliestLastReadingHour { get; set; } = 19;
}
