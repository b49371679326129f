namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// The UNSW day-count rule for one station and one reference: Major after N consecutive judged days below the major
/// ratio, Minor after M below the minor ratio; clears on a judged day at or above the clear ratio. Unjudged days
/// neither count nor break the run.
/// </summary>
internal sealed class ConsecutiveDays(double majorRatio, int majorDays, double minorRatio, int minorDays, double clearRatio)
{
    private int _belowMajor;
    private int _belowMinor;
    private AlertSeverity? _active;

    public int BelowMinor => _belowMinor;

    public int BelowMajor => _belowMajor;

    /// <summary>The severity raised and not yet cleared, if any.</summary>
    public AlertSeverity? Active => _active;

    /// <summary>Continues from a stored verdict (after a restart) instead of from zero.</summary>
    public void Restore(DayVerdict verdict)
    {
        _belowMajor = verdict.BelowMajor;
        _belowMinor = verdict.BelowMinor;
        _active = verdict.Active;
    }

    /// <summary>Judges one day; returns (true, severity) on a raise or escalation, (false, severity) on a clear.</summary>
    public (bool Active, AlertSeverity Severity)? Judge(double ratio)
    {
        if (_active is { } active && ratio >= clearRatio)
        {
            _active = null;
            _belowMajor = _belowMinor = 0;
            return (false, active);
        }

        _belowMajor = ratio < majorRatio ? _belowMajor + 1 : 0;
        _belowMinor = ratio < minorRatio ? _belowMinor + 1 : 0;
        AlertSeverity? target = _belowMajor >= majorDays ? AlertSeverity.Major : _belowMinor >= minorDays ? AlertSeverity.Minor : null;
        if (target is { } t && (_active is null || t > _active))
        {
            _active = t;
            return (true, t);
        }

        return null;
    }
}
