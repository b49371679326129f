using System.Globalization;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>The limits that apply to one barn: its species/stage defaults with its registry overrides applied.</summary>
internal sealed record BarnLimits
{
    public double? TempMinC { get; init; }

    public double? TempMaxC { get; init; }

    public double? HumidityMaxPct { get; init; }

    public double? Nh3MaxPpm { get; init; }

    public double? H2sMaxPpm { get; init; }

    public double? Co2MaxPpm { get; init; }

    public ThiFormula Thi { get; init; }

    public double ThiAlert { get; init; }

    public double ThiDanger { get; init; }

    public double ThiEmergency { get; init; }

    public double ThiRecovery { get; init; }

    public double? WaterPerFeedLPerKg { get; init; }

    /// <summary>Registry <c>water_l.min</c>: least water per hour over the intake window, L/h.</summary>
    public double? WaterMinLPerHour { get; init; }

    /// <summary>Registry <c>water_l.max</c>: most water per hour over the intake window, L/h.</summary>
    public double? WaterMaxLPerHour { get; init; }

    /// <summary>Registry <c>feed_kg.min</c>: least feed per hour over the intake window, kg/h.</summary>
    public double? FeedMinKgPerHour { get; init; }

    /// <summary>Registry <c>feed_kg.max</c>: most feed per hour over the intake window, kg/h.</summary>
    public double? FeedMaxKgPerHour { get; init; }

    /// <summary>Which key of <c>Alerts:Barns:Limits</c> applied (for messages and diagnostics).</summary>
    public required string Source { get; init; }

    /// <summary>Looks up <c>species.stage</c>, then <c>species</c>, then applies the barn's overrides.</summary>
    public static BarnLimits For(Barn barn, BarnAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(barn);
        ArgumentNullException.ThrowIfNull(options);
        var species = barn.Species.ToString().ToLowerInvariant();
        var key = species + "." + barn.Stage;
        if (!options.Limits.TryGetValue(key, out var l))
        {
            key = species;
            l = options.Limits.GetValueOrDefault(species) ?? new SpeciesLimits();
        }

        var o = barn.ThresholdOverrides;
        var thiShift = o.TryGetValue("thi.max", out var thiMax) ? thiMax - l.ThiAlert : 0;
        return new BarnLimits
        {
            Source = key,
            TempMinC = Pick(o, "t_c.min", l.TempMinC),
            TempMaxC = Pick(o, "t_c.max", l.TempMaxC),
            HumidityMaxPct = Pick(o, "rh_pct.max", l.HumidityMaxPct),
            Nh3MaxPpm = Pick(o, "nh3_ppm.max", l.Nh3MaxPpm),
            H2sMaxPpm = Pick(o, "h2s_ppm.max", l.H2sMaxPpm),
            Co2MaxPpm = Pick(o, "co2_ppm.max", l.Co2MaxPpm),
            Thi = l.Thi,
            ThiAlert = l.ThiAlert + thiShift,
            ThiDanger = l.ThiDanger + thiShift,
            ThiEmergency = l.ThiEmergency + thiShift,
            ThiRecovery = l.ThiRecovery + thiShift,
            WaterPerFeedLPerKg = l.WaterPerFeedLPerKg,
            WaterMinLPerHour = Pick(o, "water_l.min", null),
            WaterMaxLPerHour = Pick(o, "water_l.max", null),
            FeedMinKgPerHour = Pick(o, "feed_kg.min", null),
            FeedMaxKgPerHour = Pick(o, "feed_kg.max", null),
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source}: t {TempMinC}…{TempMaxC} °C, NH3 {Nh3MaxPpm} ppm");

    private static double? Pick(IReadOnlyDictionary<string, double> overrides, string key, double? fallback) =>
        overrides.TryGetValue(key, out var value) ? value : fallback;
}
