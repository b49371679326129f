using System.Reflection;
using Telemetry.Alerts.Detectors;

namespace Telemetry.Portal.Alerts;

/// <summary>Every rule id the detectors declare (<see cref="AlertRules"/>), in declaration order, for the board's filter.</summary>
internal static class AlertRuleCatalog
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(AlertRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];
}
