namespace Telemetry.Alerts.Detectors;

/// <summary>How bad a problem is; an open alert may escalate to a higher severity.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing (e.g. running on battery briefly).</summary>
    Minor = 1,

    /// <summary>Needs attention today (underperformance, sensor stuck).</summary>
    Major = 2,

    /// <summary>Needs attention now (station down in daylight, ammonia at a harmful level).</summary>
    Critical = 3,
}
