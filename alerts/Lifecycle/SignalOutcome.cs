namespace Telemetry.Alerts.Lifecycle;

/// <summary>What a signal did to the store.</summary>
internal enum SignalOutcome
{
    Raised,
    Escalated,
    Cleared,

    /// <summary>A raise for an alert already open at this severity or higher.</summary>
    AlreadyOpen,

    /// <summary>A clear with no open alert.</summary>
    NotOpen,

    /// <summary>A replayed signal from before the latest clear (or before the open alert was raised).</summary>
    Stale,

    /// <summary>The device is not in the registry, so nobody could be told.</summary>
    Unroutable,
}
