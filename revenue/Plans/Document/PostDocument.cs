namespace Telemetry.Revenue.Plans.Document;

/// <summary>A public-welfare post.</summary>
public sealed class PostDocument
{
    /// <summary>Id within the plan.</summary>
    public string? Id { get; set; }

    /// <summary>E.g. 保洁员.</summary>
    public string? Title { get; set; }

    /// <summary>Household id of the holder.</summary>
    public string? Holder { get; set; }

    /// <summary>Yuan per month.</summary>
    public decimal? MonthlyWage { get; set; }

    /// <summary>Months worked (1–12); all twelve when absent.</summary>
    public List<int>? Months { get; set; }
}
