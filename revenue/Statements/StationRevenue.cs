using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Statements;

/// <summary>One station's month in a village's statement; money is the village's part (its share for joint-village stations).</summary>
/// <param name="StationId">Registry id.</param>
/// <param name="StationName">Chinese name.</param>
/// <param name="StationClass"><c>National</c>, <c>Village</c> or <c>Household</c>.</param>
/// <param name="CapacityKwp">DC capacity.</param>
/// <param name="Share">The village's share of the station (1 for a station it owns alone or a household station).</param>
/// <param name="Recipient"><c>collective</c>, or the id of the household that owns a household station.</param>
/// <param name="EnergyKwh">The whole station's energy in the month, kWh.</param>
/// <param name="ShareEnergyKwh">The village's share of it, kWh.</param>
/// <param name="Quality">The worst day's quality.</param>
/// <param name="Days">Energy per day of the month.</param>
/// <param name="Events">Meter resets, replacements and glitches that were corrected for.</param>
/// <param name="GridPrice">Grid (coal benchmark) price, yuan/kWh.</param>
/// <param name="SubsidyPrice">Subsidy price, yuan/kWh (0 after the subsidy term).</param>
/// <param name="GridYuan">Grid revenue, the village's part: paid monthly, cash.</param>
/// <param name="SubsidyAccruedYuan">Subsidy earned this month, the village's part: a receivable.</param>
/// <param name="SubsidyReceivedYuan">Subsidy cash received this month (any months it pays for).</param>
/// <param name="SubsidyOutstandingYuan">Subsidy earned in booked months up to this one and not yet received.</param>
/// <param name="SubsidyUnmatchedYuan">Subsidy received for months without a booked accrual.</param>
/// <param name="Deductions">Deductions due and applied.</param>
/// <param name="NetYuan">Cash to distribute: grid + subsidy received − deductions applied; never negative.</param>
public sealed record StationRevenue(
    string StationId,
    string StationName,
    string StationClass,
    decimal CapacityKwp,
    decimal Share,
    string Recipient,
    decimal EnergyKwh,
    decimal ShareEnergyKwh,
    EnergyQuality Quality,
    IReadOnlyList<DayEnergy> Days,
    IReadOnlyList<string> Events,
    decimal GridPrice,
    decimal SubsidyPrice,
    decimal GridYuan,
    decimal SubsidyAccruedYuan,
    decimal SubsidyReceivedYuan,
    decimal SubsidyOutstandingYuan,
    decimal SubsidyUnmatchedYuan,
    IReadOnlyList<DeductionLine> Deductions,
    decimal NetYuan)
{
    /// <summary>Gross revenue earned this month: grid + subsidy accrued.</summary>
    public decimal GrossYuan => GridYuan + SubsidyAccruedYuan;

    /// <summary>Deductions applied.</summary>
    public decimal DeductionsYuan => Deductions.Sum(d => d.AppliedYuan);
}
