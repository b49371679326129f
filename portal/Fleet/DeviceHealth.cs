namespace Telemetry.Portal.Fleet;

/// <summary>What an operator needs to know about a device at a glance; ordered from worst to best.</summary>
public enum DeviceHealth
{
    /// <summary>It reported before but is not reporting now (Last Will or silent too long).</summary>
    Offline,

    /// <summary>Reporting, but something is wrong: inverter fault or fault codes, a barn running on battery.</summary>
    Warning,

    /// <summary>Registered but never reported.</summary>
    NoData,

    /// <summary>Reporting and nothing is wrong.</summary>
    Online,
}
