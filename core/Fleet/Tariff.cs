namespace Telemetry.Core.Fleet;

/// <summary>
/// The feed-in price of a station in two parts, kept apart because they are paid by different parties at different times
/// (research/domain.md §3): the grid pays the coal benchmark monthly, the national subsidy arrives late in batches.
/// </summary>
/// <param name="GridYuanPerKwh">Coal benchmark part paid by the grid company (Shanxi 0.332 yuan/kWh).</param>
/// <param name="SubsidyYuanPerKwh">National renewable subsidy part (e.g. 0.518 for a Class III village station at 0.85).</param>
public sealed record Tariff(decimal GridYuanPerKwh, decimal SubsidyYuanPerKwh)
{
    public decimal TotalYuanPerKwh => GridYuanPerKwh + SubsidyYuanPerKwh;
}
