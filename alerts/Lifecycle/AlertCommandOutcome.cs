namespace Telemetry.Alerts.Lifecycle;

/// <summary>How an acknowledgement or comment went.</summary>
public enum AlertCommandOutcome
{
    /// <summary>Recorded.</summary>
    Done,

    /// <summary>No alert has that id.</summary>
    NotFound,

    /// <summary>The alert was already acknowledged (the result carries by whom and when).</summary>
    AlreadyAcknowledged,
}
