namespace Telemetry.Alerts.Routing;

/// <summary>
/// The MQTT topics of alerts: <c>{prefix}alerts/{crewId}/{deviceId}/{rule}</c>, retained while the alert is open.
/// A crew subscribes to <c>{prefix}alerts/{crewId}/#</c> and sees exactly its open alerts, even when it connects late.
/// </summary>
public static class AlertTopics
{
    /// <summary>The topic of one (device, rule) alert for its crew.</summary>
    public static string For(string prefix, string crewId, string deviceId, string rule)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{prefix}alerts/{crewId}/{deviceId}/{rule}";
    }

    /// <summary>The filter for all of one crew's alerts.</summary>
    public static string CrewFilter(string prefix, string crewId)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{prefix}alerts/{crewId}/#";
    }
}
