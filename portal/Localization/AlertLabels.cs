using Microsoft.Extensions.Localization;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Portal.Localization;

/// <summary>Display names of alert values in the current UI culture.</summary>
internal static class AlertLabels
{
    public static string SeverityName(this IStringLocalizer l, AlertSeverity value) => l[$"Severity.{value}"];

    public static string StateName(this IStringLocalizer l, AlertState value) => l[$"AlertState.{value}"];

    public static string StateFilterName(this IStringLocalizer l, AlertStateFilter value) => l[$"StateFilter.{value}"];

    public static string EventName(this IStringLocalizer l, AlertEventKind value) => l[$"AlertEvent.{value}"];

    /// <summary>Known rules are translated; a rule the portal does not know yet is shown by its id.</summary>
    public static string RuleName(this IStringLocalizer l, string rule)
    {
        var text = l[$"Rule.{rule}"];
        return text.ResourceNotFound ? rule : text.Value;
    }
}
