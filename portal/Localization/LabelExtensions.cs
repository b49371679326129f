using Microsoft.Extensions.Localization;
using Telemetry.Core.Fleet;
using Telemetry.Portal.Fleet;

namespace Telemetry.Portal.Localization;

/// <summary>Display names of domain values in the current UI culture.</summary>
internal static class LabelExtensions
{
    public static string ClassName(this IStringLocalizer l, StationClass value) => l[$"Class.{value}"];

    public static string SpeciesName(this IStringLocalizer l, Species value) => l[$"Species.{value}"];

    /// <summary>Known stages are translated; an unknown one is shown as written in the registry.</summary>
    public static string StageName(this IStringLocalizer l, string stage)
    {
        var text = l[$"Stage.{stage}"];
        return text.ResourceNotFound ? stage : text.Value;
    }

    public static string HealthName(this IStringLocalizer l, DeviceHealth value) => l[$"Health.{value}"];

    public static string CountyName(this County county) => PortalCultures.IsChinese ? county.Name : county.NameEn;

    public static string VillageName(this Village village) => PortalCultures.IsChinese ? village.Name : village.NameEn;

    /// <summary>"3 分钟前" / "3 min ago"; never reported gives "从未上报" / "never".</summary>
    public static string Ago(this IStringLocalizer l, DateTimeOffset? instant, DateTimeOffset now)
    {
        if (instant is not { } t)
        {
            return l["Time.Never"];
        }

        var age = now - t;
        return age.TotalSeconds switch
        {
            < 10 => l["Time.JustNow"],
            < 60 => l["Time.SecondsAgo", (int)age.TotalSeconds],
            < 3600 => l["Time.MinutesAgo", (int)age.TotalMinutes],
            < 86_400 => l["Time.HoursAgo", (int)age.TotalHours],
            _ => l["Time.DaysAgo", (int)age.TotalDays],
        };
    }
}
