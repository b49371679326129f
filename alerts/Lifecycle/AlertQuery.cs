using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>A filter over alerts (every set field must match) and a page of the result, newest first.</summary>
public sealed record AlertQuery
{
    /// <summary>The largest page a query returns.</summary>
    public const int MaxPageSize = 500;

    public string? CountyId { get; init; }

    public string? VillageId { get; init; }

    public string? DeviceId { get; init; }

    public string? CrewId { get; init; }

    public string? Rule { get; init; }

    public AlertSeverity? Severity { get; init; }

    public AlertStateFilter State { get; init; } = AlertStateFilter.All;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Alerts per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 50;
}
