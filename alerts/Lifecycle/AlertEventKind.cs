namespace Telemetry.Alerts.Lifecycle;

/// <summary>What happened to an alert: an entry of its history and the kind of an <see cref="AlertChange"/>.</summary>
public enum AlertEventKind
{
    /// <summary>A new alert was opened.</summary>
    Raised,

    /// <summary>The open alert's severity went up (an acknowledged alert becomes unacknowledged again).</summary>
    Escalated,

    /// <summary>Someone acknowledged the alert.</summary>
    Acknowledged,

    /// <summary>Someone commented.</summary>
    Commented,

    /// <summary>The condition cleared.</summary>
    Cleared,

    /// <summary>A notifier delivered a notification about the alert.</summary>
    Delivered,

    /// <summary>A notifier failed to deliver (it retries unless it gave up; see the event's text).</summary>
    DeliveryFailed,

    /// <summary>Not in history: the open alert's state re-published at start (retained MQTT topics).</summary>
    Republished,
}
