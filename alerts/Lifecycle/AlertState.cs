namespace Telemetry.Alerts.Lifecycle;

/// <summary>Where an alert is in its life. At most one alert per (device, rule) is not <see cref="Cleared"/>.</summary>
public enum AlertState
{
    /// <summary>The condition holds and nobody has acknowledged it yet.</summary>
    Open,

    /// <summary>The condition holds and a crew member has taken it on.</summary>
    Acknowledged,

    /// <summary>The condition has cleared; the alert is history.</summary>
    Cleared,
}
