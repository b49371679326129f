namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// The state of <see cref="CombineOperators.WhenAnyActive"/>: the active keyed conditions and the severity reported.
/// A mutable struct (see <see cref="ConditionTracker"/>); the dictionary is only created once a condition is active.
/// </summary>
internal struct AnyActive
{
    private Dictionary<string, AlertSeverity>? _active;
    private AlertSeverity? _highest;

    /// <summary>Applies one keyed change; returns the combined transition it causes, if any.</summary>
    public KeyedChange? Apply(in KeyedChange k)
    {
        if (k.Change.Active)
        {
            _active ??= new Dictionary<string, AlertSeverity>(StringComparer.Ordinal);
            _active[k.Key] = k.Change.Severity;
        }
        else if (_active is null || !_active.Remove(k.Key))
        {
            return null;
        }

        if (_active.Count == 0)
        {
            if (_highest is { } was)
            {
                _highest = null;
                return k with { Change = k.Change with { Severity = was } };
            }

            return null;
        }

        var max = _active.Values.Max();
        if (_highest is null || max > _highest)
        {
            _highest = max;
            return k with { Change = k.Change with { Active = true, Severity = max } };
        }

        return null;
    }
}
