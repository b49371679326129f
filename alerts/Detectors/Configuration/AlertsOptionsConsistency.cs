using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Checks across keys that ranges cannot express: thresholds in order, limit keys that name a species.</summary>
internal sealed class AlertsOptionsConsistency : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var s = AlertsOptions.SectionName;
        var t = options.Pv.OverTemperature;
        if (!(t.ClearBelowC <= t.MajorC && t.MajorC < t.CriticalC))
        {
            failures.Add($"{s}:Pv:OverTemperature: need ClearBelowC ≤ MajorC < CriticalC (got {t.ClearBelowC}, {t.MajorC}, {t.CriticalC}).");
        }

        var u = options.Pv.Underperformance;
        if (!(u.MajorRatio <= u.MinorRatio && u.MinorRatio <= u.ClearRatio))
        {
            failures.Add($"{s}:Pv:Underperformance: need MajorRatio ≤ MinorRatio ≤ ClearRatio (got {u.MajorRatio}, {u.MinorRatio}, {u.ClearRatio}).");
        }

        if (options.Barns.BatteryMajorMinutes < options.Barns.BatteryMinutes)
        {
            failures.Add($"{s}:Barns:BatteryMajorMinutes must not be below {s}:Barns:BatteryMinutes.");
        }

        var species = Enum.GetNames<Species>();
        foreach (var (key, limits) in options.Barns.Limits)
        {
            var path = $"{s}:Barns:Limits:{key}";
            var head = key.Split('.')[0];
            if (!species.Contains(head, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{path}: '{head}' is not a species (use one of {string.Join(", ", species).ToLowerInvariant()}, optionally '.stage').");
            }

            if (limits is null)
            {
                failures.Add($"{path}: is empty.");
                continue;
            }

            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(limits, new(limits), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
            }

            if (limits.TempMinC is { } min && limits.TempMaxC is { } max && min >= max)
            {
                failures.Add($"{path}: TempMinC ({min}) must be below TempMaxC ({max}).");
            }

            if (limits.Thi != ThiFormula.None
                && !(limits.ThiRecovery <= limits.ThiAlert && limits.ThiAlert < limits.ThiDanger && limits.ThiDanger < limits.ThiEmergency))
            {
                failures.Add($"{path}: need ThiRecovery ≤ ThiAlert < ThiDanger < ThiEmergency.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
