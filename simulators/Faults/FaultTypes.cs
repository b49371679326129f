namespace Telemetry.Simulators.Faults;

/// <summary>The fault types the simulators can inject (and the quality report scores), as stable ids.</summary>
public static class FaultTypes
{
    /// <summary>Inverter stops feeding (AC breaker, contactor) without a fault code: zero output in daylight.</summary>
    public const string InverterTrip = "inverter_trip";

    /// <summary>Inverter stops with fault code 2062 (low insulation resistance).</summary>
    public const string InsulationFault = "insulation_fault";

    /// <summary>Half of the strings lost (blown fuse, connector): about 50 % of normal output, for days.</summary>
    public const string StringLoss = "string_loss";

    /// <summary>Heavy soiling: about 30 % loss, for days.</summary>
    public const string Soiling = "soiling";

    /// <summary>Grid over-voltage on a weak rural feeder: inverter trips and reconnects, code 2034.</summary>
    public const string GridOvervoltage = "grid_overvoltage";

    /// <summary>Grid frequency out of band: inverter trips, code 2036/2037.</summary>
    public const string GridFrequency = "grid_frequency";

    /// <summary>Inverter cooling fails: internal temperature climbs, output derates, code 2063 at the top.</summary>
    public const string OverTemperature = "over_temperature";

    /// <summary>Communications lost (logger power, 4G): silence, optionally a Last Will, optionally a buffered replay.</summary>
    public const string CommsLoss = "comms_loss";

    /// <summary>Lifetime meter reset to zero (register cleared, meter replaced).</summary>
    public const string MeterBackwards = "meter_backwards";

    /// <summary>Lifetime meter stops counting while power flows.</summary>
    public const string MeterFrozen = "meter_frozen";

    /// <summary>A fan (or all fans) stops while the controller's stage is on.</summary>
    public const string FanFailure = "fan_failure";

    /// <summary>Ammonia builds up (manure, poor ventilation).</summary>
    public const string Nh3Buildup = "nh3_buildup";

    /// <summary>Hydrogen sulphide released (manure pit agitation).</summary>
    public const string H2sRelease = "h2s_release";

    /// <summary>Ventilation fails (inlets closed): CO2 builds up.</summary>
    public const string Co2Ventilation = "co2_ventilation";

    /// <summary>Cooling fails on a hot day: temperature and THI climb.</summary>
    public const string HeatStress = "heat_stress";

    /// <summary>Heating fails in winter: temperature falls.</summary>
    public const string Cold = "cold";

    /// <summary>The temperature sensor repeats one value.</summary>
    public const string SensorStuck = "sensor_stuck";

    /// <summary>Mains fails; the controller runs on battery.</summary>
    public const string OnBattery = "on_battery";

    /// <summary>Water line blocked or dry: no water drunk while feed is eaten.</summary>
    public const string WaterLine = "water_line";

    /// <summary>Feeder jammed: no feed dispensed while water is drunk.</summary>
    public const string FeedJam = "feed_jam";

    /// <summary>Every type, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InverterTrip, InsulationFault, StringLoss, Soiling, GridOvervoltage, GridFrequency, OverTemperature, CommsLoss, MeterBackwards, MeterFrozen,
        FanFailure, Nh3Buildup, H2sRelease, Co2Ventilation, HeatStress, Cold, SensorStuck, OnBattery, WaterLine, FeedJam,
    ];
}
