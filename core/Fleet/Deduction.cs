namespace Telemetry.Core.Fleet;

/// <summary>
/// One cost deducted from a station's revenue before distribution: a fixed yearly amount (spread over the months so that the
/// twelve monthly parts add up exactly), a price per kWh generated, or both.
/// </summary>
/// <param name="Kind">What the cost is for.</param>
/// <param name="YuanPerYear">Fixed yearly amount, yuan; 0 when none.</param>
/// <param name="YuanPerKwh">Amount per kWh of the month's energy, yuan/kWh; 0 when none.</param>
public sealed record Deduction(DeductionKind Kind, decimal YuanPerYear, decimal YuanPerKwh);
