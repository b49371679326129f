using Telemetry.Core.Fleet;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>
/// Alarm-free bands per species and stage, taken from research/domain.md §6 (not from the simulator):
/// pigs: grower-finisher optimum 15–24 °C, weaned 21–25, newborn 27–29; NH3 ≤ 20 ppm (US extension FAQ, pigs/poultry/calves);
/// NY/T 388 pig H2S 10 mg/m³ ≈ 7 ppm; poultry NH3 10 mg/m³ (chicks) ≈ 14 ppm, 15 mg/m³ (adults) ≈ 21 ppm, H2S 2 mg/m³ ≈ 1.4 ppm
/// (chicks), chicken-house CO2 ≤ 1,500 ppm; CO2 5,000 ppm = too little fresh air (we stop well below, at 3,000);
/// sheep houses ≥ 0 °C (lambing ≥ 10) and ≤ 30 °C, RH &lt; 70%; RH maxima ≈ 75% poultry, 80% pig and cattle;
/// bee brood nest 34–36 °C. Alarm offsets of a few degrees around the optimum widen the temperature bands.
/// </summary>
internal sealed record HealthyLimits(double TMin, double TMax, double RhMax, double Nh3Max, double Co2Max, double H2sMax)
{
    public static HealthyLimits For(Barn barn) => (barn.Species, barn.Stage) switch
    {
        (Species.Pig, "farrowing") => new(barn.ThresholdOverrides.GetValueOrDefault("t_c.min", 22), 30, 80, barn.ThresholdOverrides.GetValueOrDefault("nh3_ppm.max", 20), 3_000, 7),
        (Species.Pig, "nursery") => new(20, 28, 80, 20, 3_000, 7),
        (Species.Pig, _) => new(14, 28, 80, 20, 3_000, 7),
        (Species.Poultry, "broiler") => new(18, 30, 75, 14, 1_500, 1.4),
        (Species.Poultry, _) => new(13, 28, 75, 21, 1_500, 7),
        (Species.Sheep, "lambing") => new(10, 30, 70, 20, 3_000, 7),
        (Species.Sheep, _) => new(0, 30, 70, 20, 3_000, 7),
        (Species.Cattle, _) => new(-5, 28, 80, 20, 3_000, 5.6),
        _ => new(33, 36.5, 80, double.MaxValue, double.MaxValue, double.MaxValue),
    };
}
