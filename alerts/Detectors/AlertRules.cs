namespace Telemetry.Alerts.Detectors;

/// <summary>Rule ids: stable strings stored with alerts, used in topics, APIs and the quality report.</summary>
public static class AlertRules
{
    public const string PvOffline = "pv.offline";
    public const string PvZeroOutput = "pv.zero_output";
    public const string PvUnderperformancePeers = "pv.underperformance.peers";
    public const string PvUnderperformanceClearSky = "pv.underperformance.clearsky";
    public const string PvInverterFault = "pv.inverter_fault";
    public const string PvGridVoltage = "pv.grid_voltage";
    public const string PvGridFrequency = "pv.grid_frequency";
    public const string PvOverTemperature = "pv.over_temperature";
    public const string PvMeterBackwards = "pv.meter.backwards";
    public const string PvMeterFrozen = "pv.meter.frozen";
    public const string BarnOffline = "barn.offline";
    public const string BarnNh3High = "barn.nh3.high";
    public const string BarnH2sHigh = "barn.h2s.high";
    public const string BarnCo2High = "barn.co2.high";
    public const string BarnTemperatureHigh = "barn.temperature.high";
    public const string BarnTemperatureLow = "barn.temperature.low";
    public const string BarnHumidityHigh = "barn.humidity.high";
    public const string BarnHeatStress = "barn.heat_stress";
    public const string BarnFanFailure = "barn.fan_failure";
    public const string BarnSensorStuck = "barn.sensor_stuck";
    public const string BarnOnBattery = "barn.on_battery";
    public const string BarnWaterAnomaly = "barn.water_anomaly";
    public const string BarnFeedAnomaly = "barn.feed_anomaly";
}
