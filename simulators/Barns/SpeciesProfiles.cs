using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Barns;

/// <summary>
/// Profiles per species and stage, from research/domain.md §6: pig optimum temperatures (newborn 27–29, weaned 21–25,
/// grower-finisher 15–24 °C), broiler brooding tables, sheep houses ≥0 °C (lambing ≥10) and ≤30 °C, NH3 ≤20 ppm for
/// pigs and ≤10–15 mg/m³ for poultry, chicken-house CO2 ≤1,500 ppm, bee brood nests 34–36 °C. Water and feed are
/// typical intakes per head and day. Unknown stages fall back to the species' main stage.
/// </summary>
internal static class SpeciesProfiles
{
    private static readonly SpeciesProfile PigGrower = new()
    {
        SetpointC = 19,
        Heated = true,
        DesignMinC = 16.5,
        DesignMaxC = 26.5,
        RhMeanPct = 62,
        RhMaxPct = 76,
        Nh3LowPpm = 3,
        Nh3HighPpm = 13,
        Co2LowPpm = 800,
        Co2HighPpm = 2_400,
        H2sLowPpm = 0.3,
        H2sHighPpm = 2.5,
        WaterLPerHeadDay = 7,
        FeedKgPerHeadDay = 2.3,
        Intake = IntakePattern.AdLib,
    };

    private static readonly SpeciesProfile PigFarrowing = PigGrower with
    {
        SetpointC = 25,
        DesignMinC = 23.5,
        DesignMaxC = 28,
        RhMeanPct = 58,
        RhMaxPct = 72,
        Nh3LowPpm = 2,
        Nh3HighPpm = 9,
        Co2HighPpm = 2_000,
        H2sHighPpm = 2,
        WaterLPerHeadDay = 25,
        FeedKgPerHeadDay = 5.5,
        Intake = IntakePattern.TwiceDaily,
    };

    private static readonly SpeciesProfile PigNursery = PigGrower with
    {
        SetpointC = 24,
        DesignMinC = 22,
        DesignMaxC = 27.5,
        RhMeanPct = 58,
        RhMaxPct = 72,
        Nh3LowPpm = 2,
        Nh3HighPpm = 9,
        Co2HighPpm = 2_200,
        H2sHighPpm = 1.5,
        WaterLPerHeadDay = 2.5,
        FeedKgPerHeadDay = 0.7,
    };

    private static readonly SpeciesProfile Broiler = new()
    {
        SetpointC = 22,
        Heated = true,
        DesignMinC = 19.5,
        DesignMaxC = 27.5,
        RhMeanPct = 60,
        RhMaxPct = 70,
        Nh3LowPpm = 2,
        Nh3HighPpm = 9,
        Co2LowPpm = 600,
        Co2HighPpm = 1_350,
        H2sLowPpm = 0.05,
        H2sHighPpm = 0.6,
        WaterLPerHeadDay = 0.2,
        FeedKgPerHeadDay = 0.11,
        Intake = IntakePattern.BroilerLight,
        FanRatedRpm = 560,
    };

    private static readonly SpeciesProfile Layer = Broiler with
    {
        SetpointC = 20,
        DesignMinC = 15.5,
        DesignMaxC = 27,
        Nh3HighPpm = 10,
        WaterLPerHeadDay = 0.25,
        FeedKgPerHeadDay = 0.115,
        Intake = IntakePattern.LayerLight,
    };

    private static readonly SpeciesProfile SheepFattening = new()
    {
        SetpointC = 12,
        Heated = false,
        DesignMinC = 2.5,
        DesignMaxC = 27.5,
        ClosedBarnRiseC = 8,
        RhMeanPct = 55,
        RhMaxPct = 67,
        Nh3LowPpm = 1.5,
        Nh3HighPpm = 8,
        Co2LowPpm = 500,
        Co2HighPpm = 1_800,
        H2sLowPpm = 0.1,
        H2sHighPpm = 1,
        WaterLPerHeadDay = 4,
        FeedKgPerHeadDay = 1.6,
        Intake = IntakePattern.TwiceDaily,
        FanRatedRpm = 600,
    };

    private static readonly SpeciesProfile SheepLambing = SheepFattening with
    {
        SetpointC = 13.5,
        Heated = true,
        DesignMinC = 11.5,
        DesignMaxC = 26,
        WaterLPerHeadDay = 6,
        FeedKgPerHeadDay = 2,
    };

    private static readonly SpeciesProfile CattleBeef = new()
    {
        SetpointC = 10,
        Heated = false,
        DesignMinC = -1,
        DesignMaxC = 25,
        ClosedBarnRiseC = 7,
        RhMeanPct = 60,
        RhMaxPct = 75,
        Nh3LowPpm = 2,
        Nh3HighPpm = 10,
        Co2LowPpm = 500,
        Co2HighPpm = 2_000,
        H2sLowPpm = 0.2,
        H2sHighPpm = 1.5,
        WaterLPerHeadDay = 40,
        FeedKgPerHeadDay = 9,
        Intake = IntakePattern.TwiceDaily,
        FanRatedRpm = 600,
    };

    private static readonly SpeciesProfile Apiary = new()
    {
        SetpointC = 34.6,
        Heated = false,
        DesignMinC = 33.5,
        DesignMaxC = 35.8,
        RhMeanPct = 60,
        RhMaxPct = 72,
        Intake = IntakePattern.None,
        IsHive = true,
    };

    public static SpeciesProfile For(Species species, string stage) => (species, stage.ToUpperInvariant()) switch
    {
        (Species.Pig, "FARROWING") => PigFarrowing,
        (Species.Pig, "NURSERY") => PigNursery,
        (Species.Pig, _) => PigGrower,
        (Species.Poultry, "LAYER") => Layer,
        (Species.Poultry, _) => Broiler,
        (Species.Sheep, "LAMBING") => SheepLambing,
        (Species.Sheep, _) => SheepFattening,
        (Species.Cattle, _) => CattleBeef,
        (Species.Bee, _) => Apiary,
        _ => throw new ArgumentOutOfRangeException(nameof(species), species, "no profile for this species"),
    };

    /// <summary>The profile with the barn's threshold overrides respected (kept a margin inside them).</summary>
    public static SpeciesProfile For(Barn barn)
    {
        var profile = For(barn.Species, barn.Stage);
        var o = barn.ThresholdOverrides;
        if (o.TryGetValue("t_c.min", out var tMin) && profile.DesignMinC < tMin + 0.8)
        {
            var min = tMin + 0.8;
            profile = profile with { DesignMinC = min, SetpointC = Math.Max(profile.SetpointC, min + 0.7), Heated = true };
        }

        if (o.TryGetValue("t_c.max", out var tMax) && profile.DesignMaxC > tMax - 0.8)
        {
            profile = profile with { DesignMaxC = tMax - 0.8 };
        }

        if (o.TryGetValue("nh3_ppm.max", out var nh3))
        {
            profile = profile with { Nh3HighPpm = Math.Min(profile.Nh3HighPpm, 0.7 * nh3) };
        }

        if (o.TryGetValue("co2_ppm.max", out var co2))
        {
            profile = profile with { Co2HighPpm = Math.Min(profile.Co2HighPpm, 0.8 * co2) };
        }

        if (o.TryGetValue("h2s_ppm.max", out var h2s))
        {
            profile = profile with { H2sHighPpm = Math.Min(profile.H2sHighPpm, 0.7 * h2s) };
        }

        if (o.TryGetValue("rh_pct.max", out var rh))
        {
            profile = profile with { RhMaxPct = Math.Min(profile.RhMaxPct, rh - 3) };
        }

        return profile;
    }
}
