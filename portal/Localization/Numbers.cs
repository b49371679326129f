using System.Globalization;

namespace Telemetry.Portal.Localization;

/// <summary>Numbers in the current culture, with a fixed precision per quantity so columns line up.</summary>
internal static class Numbers
{
    /// <summary>Shown for a value that is not known (never reported, sensor not fitted, offline power).</summary>
    public const string Missing = "—";

    public static string Format(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : Missing;

    /// <summary>Up to <paramref name="maxDecimals"/> decimals, trailing zeros dropped (capacities: 100, 5.4).</summary>
    public static string Compact(double value, int maxDecimals) =>
        value.ToString("#,0." + new string('#', maxDecimals), CultureInfo.CurrentCulture);

    /// <summary>Machine-readable value for <c>data-value</c> attributes (tests, scripts): invariant, round-trip.</summary>
    public static string Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
