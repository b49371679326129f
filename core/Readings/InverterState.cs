namespace Telemetry.Core.Readings;

/// <summary>Inverter operating state as reported by the logger (<c>state</c> field).</summary>
public enum InverterState
{
    /// <summary>Feeding the grid (MPPT).</summary>
    Running,

    /// <summary>Waiting, e.g. no irradiation at night.</summary>
    Standby,

    /// <summary>Stopped by a fault; see the fault codes.</summary>
    Fault,

    /// <summary>Switched off.</summary>
    Off,
}
