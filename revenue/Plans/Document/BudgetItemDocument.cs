namespace Telemetry.Revenue.Plans.Document;

/// <summary>A small public work or a reward/subsidy with a yearly budget.</summary>
public sealed class BudgetItemDocument
{
    /// <summary>Id within the plan.</summary>
    public string? Id { get; set; }

    /// <summary>What it is.</summary>
    public string? Name { get; set; }

    /// <summary>Household id of a named recipient (rewards only), if any.</summary>
    public string? Recipient { get; set; }

    /// <summary>Yearly budget, yuan.</summary>
    public decimal? Budget { get; set; }

    /// <summary>Months funded (1–12); all twelve when absent.</summary>
    public List<int>? Months { get; set; }
}
