namespace Telemetry.Revenue.Plans.Document;

/// <summary>The revenue plans file (<c>Revenue:PlansPath</c>) as written by the county office (JSON).</summary>
public sealed class PlansFileDocument
{
    /// <summary>Format version; this build reads 1.</summary>
    public int? Version { get; set; }

    /// <summary>One plan per village and year.</summary>
    public List<PlanDocument>? Plans { get; set; }
}
