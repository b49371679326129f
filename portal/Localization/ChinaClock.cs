using System.Globalization;
using Telemetry.Core.Time;

namespace Telemetry.Portal.Localization;

/// <summary>Times as the users read them: China Standard Time, whatever the server's zone.</summary>
internal static class ChinaClock
{
    public static string TimeOfDay(DateTimeOffset instant) =>
        ChinaTime.ToLocal(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Full(DateTimeOffset instant) =>
        ChinaTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC+8)";

    public static string Iso(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
