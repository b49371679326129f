using Telemetry.Alerts.Detectors;
using Telemetry.Core.Fleet;
using Telemetry.Simulators.Barns;
using Telemetry.Simulators.Faults;

namespace Telemetry.Simulators.Evaluation;

/// <summary>Every fault type with its accepted and collateral rules, applicability and schedule (docs/alerts.md).</summary>
internal static class FaultCatalog
{
    private static readonly HashSet<string> Underperformance = [AlertRules.PvUnderperformancePeers, AlertRules.PvUnderperformanceClearSky];
    private static readonly HashSet<string> BarnClimate =
        [AlertRules.BarnTemperatureHigh, AlertRules.BarnHeatStress, AlertRules.BarnNh3High, AlertRules.BarnCo2High, AlertRules.BarnHumidityHigh];

    public static IReadOnlyList<FaultSpec> All { get; } =
    [
        Pv(FaultTypes.InverterTrip, [AlertRules.PvZeroOutput], daylight: true),
        Pv(FaultTypes.InsulationFault, [AlertRules.PvInverterFault], daylight: true),
        Pv(FaultTypes.StringLoss, Underperformance) with { MultiDay = true, Tolerance = TimeSpan.FromHours(2) },
        Pv(FaultTypes.Soiling, Underperformance) with { MultiDay = true, Tolerance = TimeSpan.FromHours(2) },
        Pv(FaultTypes.GridOvervoltage, [AlertRules.PvGridVoltage], daylight: true),
        Pv(FaultTypes.GridFrequency, [AlertRules.PvGridFrequency], daylight: true) with { DurationMinutes = (45, 120) },
        Pv(FaultTypes.OverTemperature, [AlertRules.PvOverTemperature], daylight: true),
        new FaultSpec
        {
            Type = FaultTypes.CommsLoss,
            Accepted = new HashSet<string> { AlertRules.PvOffline, AlertRules.BarnOffline },
            AppliesTo = _ => true,
            DurationMinutes = (60, 240),
        },
        Pv(FaultTypes.MeterBackwards, [AlertRules.PvMeterBackwards], daylight: false) with { DurationMinutes = (60, 60) },
        Pv(FaultTypes.MeterFrozen, [AlertRules.PvMeterFrozen], daylight: true),
        Barn(FaultTypes.FanFailure, AlertRules.BarnFanFailure, b => b.FanCount > 0) with { Collateral = BarnClimate },
        Barn(FaultTypes.Nh3Buildup, AlertRules.BarnNh3High, b => b.HasGasSensors),
        Barn(FaultTypes.H2sRelease, AlertRules.BarnH2sHigh, b => b.HasGasSensors) with { DurationMinutes = (60, 180) },
        Barn(FaultTypes.Co2Ventilation, AlertRules.BarnCo2High, b => b.HasGasSensors) with { Collateral = BarnClimate },
        Barn(FaultTypes.HeatStress, AlertRules.BarnTemperatureHigh, _ => true) with
        {
            Accepted = new HashSet<string> { AlertRules.BarnTemperatureHigh, AlertRules.BarnHeatStress },
            Collateral = new HashSet<string> { AlertRules.BarnHumidityHigh },
            StartHour = (11, 14),
            Summer = true,
        },
        Barn(FaultTypes.Cold, AlertRules.BarnTemperatureLow, b => SpeciesProfiles.For(b).Heated && b.Species != Species.Bee) with
        {
            Collateral = new HashSet<string> { AlertRules.BarnHumidityHigh },
            Summer = false,
        },
        Barn(FaultTypes.SensorStuck, AlertRules.BarnSensorStuck, _ => true) with { DurationMinutes = (240, 480) },
        Barn(FaultTypes.OnBattery, AlertRules.BarnOnBattery, _ => true) with { DurationMinutes = (60, 300) },
        Barn(FaultTypes.WaterLine, AlertRules.BarnWaterAnomaly, HasIntake) with { StartHour = (8, 14) },
        Barn(FaultTypes.FeedJam, AlertRules.BarnFeedAnomaly, HasIntake) with { StartHour = (8, 14) },
    ];

    public static FaultSpec For(string type) => All.First(s => s.Type == type);

    private static bool HasIntake(Barn barn) => SpeciesProfiles.For(barn).Intake != IntakePattern.None;

    private static FaultSpec Pv(string type, HashSet<string> accepted, bool daylight = true) => new()
    {
        Type = type,
        Accepted = accepted,
        Collateral = Underperformance.Overlaps(accepted) ? new HashSet<string>() : Underperformance,
        AppliesTo = d => d is Station,
        StartHour = daylight ? (9.5, 13) : (0, 22),
        DurationMinutes = daylight ? (90, 210) : (60, 240),
    };

    private static FaultSpec Barn(string type, string rule, Func<Barn, bool> applies) => new()
    {
        Type = type,
        Accepted = new HashSet<string> { rule },
        AppliesTo = d => d is Barn b && applies(b),
    };
}
