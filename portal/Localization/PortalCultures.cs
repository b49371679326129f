using System.Globalization;

namespace Telemetry.Portal.Localization;

/// <summary>The portal's languages: Simplified Chinese first, English selectable.</summary>
internal static class PortalCultures
{
    public const string Default = "zh-CN";

    public static IReadOnlyList<string> Supported { get; } = [Default, "en"];

    /// <summary>Whether names should come from the Chinese registry fields (else the English ones).</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
}
