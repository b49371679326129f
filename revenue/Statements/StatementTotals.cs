namespace Telemetry.Revenue.Statements;

/// <summary>A statement's totals over its stations (the village's parts).</summary>
/// <param name="EnergyKwh">Energy, the village's shares, kWh.</param>
/// <param name="GridYuan">Grid revenue.</param>
/// <param name="SubsidyAccruedYuan">Subsidy earned this month (receivable).</param>
/// <param name="SubsidyReceivedYuan">Subsidy cash received this month.</param>
/// <param name="SubsidyOutstandingYuan">Subsidy still owed for booked months.</param>
/// <param name="DeductionsYuan">Deductions applied.</param>
/// <param name="DeductionsUncoveredYuan">Deductions due but not covered.</param>
/// <param name="CollectiveDistributableYuan">Distributable revenue of the collective's stations.</param>
/// <param name="HouseholdStationsYuan">Distributable revenue of household stations (paid to their households).</param>
/// <param name="DistributableYuan">All distributable revenue; the allocation lines add up to exactly this.</param>
/// <param name="UncoveredYuan">Plan commitments the month's money could not cover.</param>
public sealed record StatementTotals(
    decimal EnergyKwh,
    decimal GridYuan,
    decimal SubsidyAccruedYuan,
    decimal SubsidyReceivedYuan,
    decimal SubsidyOutstandingYuan,
    decimal DeductionsYuan,
    decimal DeductionsUncoveredYuan,
    decimal CollectiveDistributableYuan,
    decimal HouseholdStationsYuan,
    decimal DistributableYuan,
    decimal UncoveredYuan)
{
    /// <summary>Gross revenue earned: grid + subsidy accrued.</summary>
    public decimal GrossYuan => GridYuan + SubsidyAccruedYuan;
}
