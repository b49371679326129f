namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>Which rule an inverter fault code belongs to.</summary>
internal enum PvFaultCategory
{
    /// <summary>Device, DC-side and insulation faults: <c>pv.inverter_fault</c>.</summary>
    Inverter,

    /// <summary>Grid voltage trips and grid loss: <c>pv.grid_voltage</c>.</summary>
    GridVoltage,

    /// <summary>Grid frequency trips: <c>pv.grid_frequency</c>.</summary>
    GridFrequency,

    /// <summary>Inverter over-temperature: <c>pv.over_temperature</c>.</summary>
    OverTemperature,
}
