using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Statements;

/// <summary>A station's deduction for the month (the village's part).</summary>
/// <param name="Kind">O&amp;M, insurance or land rent.</param>
/// <param name="DueYuan">What is due for the month.</param>
/// <param name="AppliedYuan">What the month's cash covered (deductions are covered in their registry order).</param>
public sealed record DeductionLine(DeductionKind Kind, decimal DueYuan, decimal AppliedYuan)
{
    /// <summary>Due but not covered by the month's cash; owed to the contractor.</summary>
    public decimal UncoveredYuan => DueYuan - AppliedYuan;
}
