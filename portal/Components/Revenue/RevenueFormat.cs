using System.Globalization;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Portal.Components.Revenue;

/// <summary>Money, energy and months as the revenue pages show them.</summary>
internal static class RevenueFormat
{
    public static string Yuan(decimal value) => value.ToString("N2", CultureInfo.CurrentCulture);

    public static string Kwh(decimal value) => value.ToString("N1", CultureInfo.CurrentCulture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string month) => RevenueService.ParseMonth(month);
}
