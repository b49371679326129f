namespace Telemetry.Revenue.Plans.Document;

/// <summary>A village's allocation plan for one year.</summary>
public sealed class PlanDocument
{
    /// <summary>Village id from the fleet registry.</summary>
    public string? Village { get; set; }

    /// <summary>Calendar year.</summary>
    public int? Year { get; set; }

    /// <summary>Approval date, <c>yyyy-MM-dd</c>.</summary>
    public string? Approved { get; set; }

    /// <summary>The yearly distributable revenue the plan was made against, yuan.</summary>
    public decimal? PlannedDistributable { get; set; }

    /// <summary>Public-welfare posts.</summary>
    public List<PostDocument>? Posts { get; set; }

    /// <summary>Small public works.</summary>
    public List<BudgetItemDocument>? Projects { get; set; }

    /// <summary>Rewards and subsidies.</summary>
    public List<BudgetItemDocument>? Rewards { get; set; }

    /// <summary>Household dividends.</summary>
    public DividendDocument? Dividends { get; set; }

    /// <summary>Coverage order: <c>posts</c>, <c>projects</c>, <c>rewards</c>, <c>dividends</c> (default in that order).</summary>
    public List<string>? Priority { get; set; }
}
