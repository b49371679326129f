namespace Telemetry.Core.Fleet.Document;

public sealed class LoanDocument
{
    public string? Lender { get; set; }

    public decimal? MonthlyYuan { get; set; }

    public decimal? Share { get; set; }

    /// <summary>Last month with a repayment, <c>yyyy-MM</c>.</summary>
    public string? LastMonth { get; set; }
}
