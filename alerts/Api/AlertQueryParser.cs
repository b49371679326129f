using System.Globalization;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Api;

/// <summary>Reads the list filters from the query string; every problem is reported under its parameter's name.</summary>
internal static class AlertQueryParser
{
    public static AlertQuery Parse(
        FleetRegistry fleet, string? county, string? village, string? device, string? severity, string? state, string? rule, string? crew, string? page, string? pageSize, Dictionary<string, string[]> errors)
    {
        var query = new AlertQuery
        {
            CountyId = Known(county, "county", id => fleet.Counties.Any(c => c.Id == id), errors),
            VillageId = Known(village, "village", id => fleet.TryGetVillage(id, out _), errors),
            DeviceId = Known(device, "device", id => fleet.TryGetDevice(id, out _), errors),
            CrewId = Known(crew, "crew", id => fleet.Crews.Any(c => c.Id == id), errors),
            Rule = string.IsNullOrWhiteSpace(rule) ? null : rule.Trim(),
        };
        if (!string.IsNullOrWhiteSpace(severity))
        {
            if (WireNames.TryParse<AlertSeverity>(severity.Trim(), out var s))
            {
                query = query with { Severity = s };
            }
            else
            {
                errors["severity"] = [$"'{severity}' is not a severity; use one of {WireNames.Choices<AlertSeverity>()}"];
            }
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            if (WireNames.TryParse<AlertStateFilter>(state.Trim(), out var s))
            {
                query = query with { State = s };
            }
            else
            {
                errors["state"] = [$"'{state}' is not a state; use one of {WireNames.Choices<AlertStateFilter>()}"];
            }
        }

        if (Number(page, "page", 1, int.MaxValue, errors) is { } p)
        {
            query = query with { Page = p };
        }

        if (Number(pageSize, "pageSize", 1, AlertQuery.MaxPageSize, errors) is { } size)
        {
            query = query with { PageSize = size };
        }

        return query;
    }

    private static string? Known(string? id, string name, Func<string, bool> exists, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        id = id.Trim();
        if (!exists(id))
        {
            errors[name] = [$"no {name} '{id}' in the fleet registry"];
        }

        return id;
    }

    private static int? Number(string? text, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number from {min} to {max}"];
        return null;
    }
}
