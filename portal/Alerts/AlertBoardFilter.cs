using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Portal.Alerts;

/// <summary>What the alerts board shows: by default the active alerts of the whole city, newest first.</summary>
internal sealed record AlertBoardFilter
{
    public const int PageSize = 200;

    public string? CountyId { get; init; }

    public string? VillageId { get; init; }

    public string? CrewId { get; init; }

    public AlertSeverity? Severity { get; init; }

    public AlertStateFilter State { get; init; } = AlertStateFilter.Active;

    public string? Rule { get; init; }

    public AlertQuery ToQuery() => new()
    {
        CountyId = CountyId,
        VillageId = VillageId,
        CrewId = CrewId,
        Severity = Severity,
        State = State,
        Rule = Rule,
        PageSize = PageSize,
    };
}
