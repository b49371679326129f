namespace Telemetry.Alerts.Notifiers;

/// <summary>Where a notification in the outbox stands.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its first attempt or for a retry.</summary>
    Pending,

    /// <summary>The notifier delivered it.</summary>
    Delivered,

    /// <summary>The notifier gave up after its maximum attempts; retried only when someone asks.</summary>
    Failed,

    /// <summary>Not sent: a newer state of the same alert replaced it (state-only channels such as retained MQTT).</summary>
    Superseded,
}
