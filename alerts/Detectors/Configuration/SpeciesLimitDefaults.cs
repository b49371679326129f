namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>
/// Default limits per species and stage, from research/domain.md §6 (docs/alerts.md lists each value with its source):
/// NH3 20 ppm (US extension FAQ: pigs, poultry, calves), poultry NH3 10/15 mg/m³ ≈ 14/21 ppm and H2S 2 mg/m³ ≈ 1.4 ppm
/// (NY/T 388, chicks/adults), pig H2S 10 mg/m³ ≈ 7 ppm (NY/T 388), chicken-house CO2 1,500 ppm, other houses 3,000 ppm
/// (below the 5,000 ppm "too little fresh air" mark), optimum temperature bands widened by alarm offsets, sheep houses
/// 0 (lambing 10) to 30 °C and RH &lt; 70 %, THI bands for cattle (LWSI 75/79/84, recovery 74) and sheep (Marai: alerts from "extreme severe" 25.6; see docs/alerts.md for why not from 22.2).
/// </summary>
internal static class SpeciesLimitDefaults
{
    public static Dictionary<string, SpeciesLimits> Create() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["pig"] = new() { TempMinC = 14, TempMaxC = 28, HumidityMaxPct = 80, Nh3MaxPpm = 20, H2sMaxPpm = 7, Co2MaxPpm = 3_000, WaterPerFeedLPerKg = 3 },
        ["pig.farrowing"] = new() { TempMinC = 22, TempMaxC = 30, HumidityMaxPct = 80, Nh3MaxPpm = 20, H2sMaxPpm = 7, Co2MaxPpm = 3_000, WaterPerFeedLPerKg = 4.5 },
        ["pig.nursery"] = new() { TempMinC = 20, TempMaxC = 28, HumidityMaxPct = 80, Nh3MaxPpm = 20, H2sMaxPpm = 7, Co2MaxPpm = 3_000, WaterPerFeedLPerKg = 3.5 },
        ["poultry"] = new() { TempMinC = 13, TempMaxC = 28, HumidityMaxPct = 75, Nh3MaxPpm = 21, H2sMaxPpm = 7, Co2MaxPpm = 1_500, WaterPerFeedLPerKg = 2 },
        ["poultry.broiler"] = new() { TempMinC = 18, TempMaxC = 30, HumidityMaxPct = 75, Nh3MaxPpm = 14, H2sMaxPpm = 1.4, Co2MaxPpm = 1_500, WaterPerFeedLPerKg = 2 },
        ["sheep"] = new()
        {
            TempMinC = 0,
            TempMaxC = 30,
            HumidityMaxPct = 70,
            Nh3MaxPpm = 20,
            H2sMaxPpm = 7,
            Co2MaxPpm = 3_000,
            WaterPerFeedLPerKg = 2.5,
            Thi = ThiFormula.Sheep,
            ThiAlert = 25.6,
            ThiDanger = 27,
            ThiEmergency = 28.5,
            ThiRecovery = 24.5,
        },
        ["sheep.lambing"] = new()
        {
            TempMinC = 10,
            TempMaxC = 30,
            HumidityMaxPct = 70,
            Nh3MaxPpm = 20,
            H2sMaxPpm = 7,
            Co2MaxPpm = 3_000,
            WaterPerFeedLPerKg = 3,
            Thi = ThiFormula.Sheep,
            ThiAlert = 25.6,
            ThiDanger = 27,
            ThiEmergency = 28.5,
            ThiRecovery = 24.5,
        },
        ["cattle"] = new()
        {
            TempMinC = -5,
            TempMaxC = 28,
            HumidityMaxPct = 80,
            Nh3MaxPpm = 20,
            H2sMaxPpm = 5.6,
            Co2MaxPpm = 3_000,
            WaterPerFeedLPerKg = 4.5,
            Thi = ThiFormula.Cattle,
            ThiAlert = 75,
            ThiDanger = 79,
            ThiEmergency = 84,
            ThiRecovery = 74,
        },
        ["bee"] = new() { TempMaxC = 37, HumidityMaxPct = 80 },
    };
}
