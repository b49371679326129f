namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// The daily rules' view of an <see cref="IDayResultStore"/> for one subscription: the state loaded at its start, looked
/// up by county and by station, and the store to record closed days in (none: the state lives in memory only).
/// </summary>
internal sealed class DayMemory
{
    private readonly IDayResultStore? _store;
    private readonly IReadOnlyDictionary<string, DateOnly> _closedThrough;
    private readonly Dictionary<(string StationId, string Rule), DayVerdict> _latest;

    private DayMemory(IDayResultStore? store, DayResults seed)
    {
        _store = store;
        _closedThrough = seed.ClosedThrough;
        _latest = [];
        foreach (var verdict in seed.Latest)
        {
            var key = (verdict.StationId, verdict.Rule);
            if (!_latest.TryGetValue(key, out var other) || verdict.Day > other.Day)
            {
                _latest[key] = verdict;
            }
        }
    }

    public static DayMemory Load(IDayResultStore? store) => new(store, store?.Load() ?? DayResults.Empty);

    /// <summary>The county's last closed day (<see cref="DateOnly.MinValue"/> when none).</summary>
    public DateOnly ClosedThrough(string countyId) => _closedThrough.GetValueOrDefault(countyId, DateOnly.MinValue);

    /// <summary>The station's latest verdict for the rule, if one was stored.</summary>
    public DayVerdict? Latest(string stationId, string rule) => _latest.TryGetValue((stationId, rule), out var v) ? v : null;

    public void Save(ClosedDay day) => _store?.Save(day);
}
