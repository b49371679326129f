using Telemetry.Alerts.Detectors.Pv;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>
/// An in-memory <see cref="IDayResultStore"/> with the SQLite store's semantics (a day saved again replaces its verdicts;
/// the closed day only moves forward): what the detectors recorded before a "restart".
/// </summary>
internal sealed class MemoryDayResults : IDayResultStore
{
    private readonly Dictionary<(string StationId, string Rule, DateOnly Day), DayVerdict> _verdicts = [];
    private readonly Dictionary<string, DateOnly> _closed = new(StringComparer.Ordinal);

    public List<ClosedDay> Saved { get; } = [];

    public int Loads { get; private set; }

    public DayResults Load()
    {
        Loads++;
        var latest = _verdicts.Values.GroupBy(v => (v.StationId, v.Rule)).Select(g => g.MaxBy(v => v.Day)).ToList();
        return new DayResults(new Dictionary<string, DateOnly>(_closed, StringComparer.Ordinal), latest);
    }

    public void Save(ClosedDay day)
    {
        Saved.Add(day);
        foreach (var v in day.Verdicts)
        {
            _verdicts[(v.StationId, v.Rule, v.Day)] = v;
        }

        if (!_closed.TryGetValue(day.CountyId, out var closed) || day.Day > closed)
        {
            _closed[day.CountyId] = day.Day;
        }
    }
}
