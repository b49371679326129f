using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Section <c>Alerts:Barns</c>: durations, hysteresis and per-species limits.</summary>
public sealed class BarnAlertOptions
{
    /// <summary>How long NH3 or CO2 must stay above its limit, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double GasDurationMinutes { get; set; } = 15;

    /// <summary>How long H2S must stay above its limit, minutes (acutely toxic: short).</summary>
    [Range(0.0, 24 * 60)]
    public double H2sDurationMinutes { get; set; } = 5;

    /// <summary>Gases clear below this fraction of their limit.</summary>
    [Range(0.1, 1.0)]
    public double GasClearFraction { get; set; } = 0.8;

    /// <summary>NH3 at or above this is Critical, ppm (eye and nose irritation 20–35 ppm, research §6.3).</summary>
    [Range(1.0, 1_000.0)]
    public double Nh3CriticalPpm { get; set; } = 35;

    /// <summary>H2S at or above this is Critical, ppm (can kill pigs from 20 ppm).</summary>
    [Range(0.1, 1_000.0)]
    public double H2sCriticalPpm { get; set; } = 20;

    /// <summary>CO2 at or above this is Critical, ppm (above 5,000 ppm = too little fresh air).</summary>
    [Range(500.0, 100_000.0)]
    public double Co2CriticalPpm { get; set; } = 5_000;

    /// <summary>How long the temperature must stay beyond a limit, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double TemperatureDurationMinutes { get; set; } = 20;

    /// <summary>Temperature clears this far back inside the limit, °C.</summary>
    [Range(0.0, 20.0)]
    public double TemperatureHysteresisC { get; set; } = 1;

    /// <summary>Beyond the limit by this much, a temperature alert is Critical, °C.</summary>
    [Range(0.5, 30.0)]
    public double TemperatureCriticalMarginC { get; set; } = 4;

    /// <summary>How long the humidity must stay above its limit, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double HumidityDurationMinutes { get; set; } = 60;

    /// <summary>Humidity clears this many points below the limit.</summary>
    [Range(0.0, 50.0)]
    public double HumidityHysteresisPct { get; set; } = 5;

    /// <summary>How long THI must stay in a band before it raises or escalates, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double ThiDurationMinutes { get; set; } = 30;

    /// <summary>How long a value must stay clear before any barn limit alert clears, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double ClearAfterMinutes { get; set; } = 15;

    /// <summary>A fan at or below this speed while its stage is on has failed, rpm.</summary>
    [Range(0, 10_000)]
    public int FanMinRpm { get; set; } = 50;

    /// <summary>How long a fan must stand still with its stage on, minutes.</summary>
    [Range(0.0, 24 * 60)]
    public double FanDurationMinutes { get; set; } = 5;

    /// <summary>How long a sensor (t_c, rh_pct, nh3_ppm, co2_ppm) must repeat the same value to count as stuck, minutes.</summary>
    [Range(10.0, 7 * 24 * 60)]
    public double StuckWindowMinutes { get; set; } = 180;

    /// <summary>Humidity, NH3 and CO2 must repeat their value this many times longer than temperature to count as stuck.</summary>
    [Range(1.0, 100.0)]
    public double SlowSensorWindowFactor { get; set; } = 4;

    /// <summary>On battery: Minor after this many minutes …</summary>
    [Range(0.0, 24 * 60)]
    public double BatteryMinutes { get; set; } = 2;

    /// <summary>… Major after this many.</summary>
    [Range(0.0, 7 * 24 * 60)]
    public double BatteryMajorMinutes { get; set; } = 60;

    /// <summary>Trailing window over which water and feed are summed, minutes.</summary>
    [Range(10.0, 24 * 60)]
    public double IntakeWindowMinutes { get; set; } = 60;

    /// <summary>Water anomaly when water/feed falls below this fraction of the species' normal ratio (a dry line).</summary>
    [Range(0.0, 1.0)]
    public double WaterLowFraction { get; set; } = 0.3;

    /// <summary>Feed anomaly when feed/water falls below this fraction of the normal ratio (a jammed feeder).</summary>
    [Range(0.0, 1.0)]
    public double FeedLowFraction { get; set; } = 0.3;

    /// <summary>The other amount must reach this over the window before a ratio is judged (kg of feed or 2× in litres of water).</summary>
    [Range(0.0, 10_000.0)]
    public double MinIntakeKg { get; set; } = 1;

    /// <summary>Limits per species (key <c>pig</c>) and per species and stage (key <c>pig.farrowing</c>).</summary>
    [Required]
    public Dictionary<string, SpeciesLimits> Limits { get; set; } = SpeciesLimitDefaults.Create();
}
