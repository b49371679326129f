namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>A county's local day as the daily rules closed it: every verdict of that day (none when nothing could be judged).</summary>
/// <param name="CountyId">The county whose stations were compared.</param>
/// <param name="Day">The local (China time) day.</param>
/// <param name="Verdicts">One per station and rule judged that day; stations whose day was not judged (incomplete data,
/// a dark day, not a clear day) have none, so their runs neither count nor break.</param>
public sealed record ClosedDay(string CountyId, DateOnly Day, IReadOnlyList<DayVerdict> Verdicts);
