namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>What the daily rules start from: the last closed day of each county and the latest verdict of each station and rule.</summary>
/// <param name="ClosedThrough">Per county id, the last day that was closed; readings of that day and earlier are not judged again.</param>
/// <param name="Latest">Per station and rule, the verdict of its latest judged day.</param>
public sealed record DayResults(IReadOnlyDictionary<string, DateOnly> ClosedThrough, IReadOnlyList<DayVerdict> Latest)
{
    /// <summary>Nothing judged yet.</summary>
    public static DayResults Empty { get; } = new(new Dictionary<string, DateOnly>(StringComparer.Ordinal), []);
}
