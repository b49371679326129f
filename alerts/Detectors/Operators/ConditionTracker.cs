namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// The event-time state machine behind <see cref="ConditionOperators.WhenHeldFor"/>: per severity, since when the raise
/// zone has held; since when the clear zone has held; the active severity. Not thread-safe (one per subscription).
/// </summary>
/// <remarks>
/// A mutable struct so that a device's detector embeds one per rule instead of pointing at an object and an array
/// (at 100,000 devices the difference is a few hundred MB): keep it in a field or a captured variable and call
/// <see cref="Apply"/> on that, never on a copy. Times are stored without <see cref="Nullable{T}"/> (16 bytes instead of
/// 24 each), <c>default</c> meaning none: no reading is stamped 0001-01-01.
/// </remarks>
internal struct ConditionTracker(TimeSpan raiseAfter, TimeSpan clearAfter, TimeSpan? maxGap)
{
    private DateTimeOffset _minorSince;
    private DateTimeOffset _majorSince;
    private DateTimeOffset _criticalSince;
    private AlertSeverity? _active;
    private DateTimeOffset _clearSince;
    private DateTimeOffset _last;

    public readonly AlertSeverity? Active => _active;

    /// <summary>Applies one verdict; returns the transition it causes, if any.</summary>
    public ConditionChange? Apply(in Verdict verdict)
    {
        if (_last != default)
        {
            var last = _last;
            if (verdict.At < last)
            {
                return null; // older than what was judged already: the condition is judged in device-time order
            }

            if (maxGap is { } gap && verdict.At - last > gap)
            {
                // Nothing is known about the gap: pending timers restart here rather than bridging it.
                ClearPending();
                _clearSince = default;
            }
        }

        _last = verdict.At;
        switch (verdict.Kind)
        {
            case VerdictKind.Raise:
                return OnRaise(verdict);
            case VerdictKind.Hold:
                ClearPending();
                _clearSince = default;
                return null;
            default:
                return OnClear(verdict);
        }
    }

    private ConditionChange? OnRaise(in Verdict verdict)
    {
        _clearSince = default;
        var reached = (AlertSeverity?)null;
        DateTimeOffset since = verdict.At;
        for (var level = (int)AlertSeverity.Minor; level <= (int)AlertSeverity.Critical; level++)
        {
            if (level > (int)verdict.Severity)
            {
                SetPending(level, null);
                continue;
            }

            var start = Pending(level) ?? verdict.At;
            SetPending(level, start);
            if (verdict.At - start >= raiseAfter)
            {
                reached = (AlertSeverity)level;
            }

            if (level == (int)AlertSeverity.Minor || start < since)
            {
                since = start;
            }
        }

        if (reached is not { } severity || (_active is { } active && severity <= active))
        {
            return null;
        }

        _active = severity;
        return new ConditionChange(true, severity, verdict.At, since, verdict.Value);
    }

    private ConditionChange? OnClear(in Verdict verdict)
    {
        ClearPending();
        if (_active is not { } active)
        {
            return null;
        }

        if (_clearSince == default)
        {
            _clearSince = verdict.At;
        }

        var since = _clearSince;
        if (verdict.At - since < clearAfter)
        {
            return null;
        }

        _active = null;
        _clearSince = default;
        return new ConditionChange(false, active, verdict.At, since, verdict.Value);
    }

    private readonly DateTimeOffset? Pending(int level) => (level switch
    {
        (int)AlertSeverity.Minor => _minorSince,
        (int)AlertSeverity.Major => _majorSince,
        _ => _criticalSince,
    }) is var since && since != default ? since : null;

    private void SetPending(int level, DateTimeOffset? value)
    {
        var since = value ?? default;
        switch (level)
        {
            case (int)AlertSeverity.Minor:
                _minorSince = since;
                break;
            case (int)AlertSeverity.Major:
                _majorSince = since;
                break;
            default:
                _criticalSince = since;
                break;
        }
    }

    private void ClearPending()
    {
        _minorSince = default;
        _majorSince = default;
        _criticalSince = default;
    }
}
