using System.ComponentModel.DataAnnotations;

namespace Telemetry.Portal.Fleet;

/// <summary>The fleet overview page (configuration section <c>Portal:Overview</c>).</summary>
public sealed class OverviewOptions
{
    public const string SectionName = "Portal:Overview";

    /// <summary>Rows per page of each device table; the tables are paged on the server, so a page renders as fast for
    /// 100,000 devices as for 100.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;
}
