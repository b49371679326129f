using System.Globalization;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Detectors;

/// <summary>Formatting for crew messages (Simplified Chinese; the rule id lets the portal localise).</summary>
internal static class AlertText
{
    public static string Time(DateTimeOffset at) => ChinaTime.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string N(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.TotalMinutes < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, Math.Round(span.TotalMinutes))} 分钟")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:F1} 小时");

    public static string Cleared(string what, DateTimeOffset since) => $"{what}已恢复（自 {Time(since)} 起正常）";
}
