namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// One station's judged day for one daily rule, and the rule's day count after it: what a restart needs to carry a
/// 3- or 7-day run on without replaying the days themselves.
/// </summary>
/// <param name="StationId">The station.</param>
/// <param name="Rule"><see cref="AlertRules.PvUnderperformancePeers"/> or <see cref="AlertRules.PvUnderperformanceClearSky"/>.</param>
/// <param name="Day">The local (China time) day judged.</param>
/// <param name="Ratio">The day's ratio: the performance index over the peers' median (peers), or the best hour over the
/// clear-sky model (clear sky).</param>
/// <param name="BelowMajor">Consecutive judged days below the major ratio, this one included.</param>
/// <param name="BelowMinor">Consecutive judged days below the minor ratio, this one included.</param>
/// <param name="Active">The severity of the rule's raised alert after this day; null when it is not raised.</param>
/// <param name="Shown">This rule's alert is the one the station shows (a station has at most one underperformance alert).</param>
public readonly record struct DayVerdict(
    string StationId, string Rule, DateOnly Day, double Ratio, int BelowMajor, int BelowMinor, AlertSeverity? Active, bool Shown);
