using Telemetry.Core.Fleet;
using Telemetry.Revenue.Money;

namespace Telemetry.Revenue.Tariffs;

/// <summary>
/// The price a station's energy earns in a month, from the registry's <see cref="Tariff"/> (set per station by class and
/// commissioning year): the grid part is paid monthly by the grid company; the subsidy part is a receivable paid late in
/// batches, and only for <see cref="SubsidyYears"/> years after commissioning (research/domain.md §3).
/// </summary>
public static class TariffSchedule
{
    /// <summary>How long a station earns the national subsidy after it was commissioned.</summary>
    public const int SubsidyYears = 20;

    /// <summary>The grid and subsidy prices of <paramref name="station"/> for the month starting <paramref name="month"/>, yuan/kWh.</summary>
    public static (decimal Grid, decimal Subsidy) PricesFor(Station station, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(station);
        var subsidyEnds = station.Commissioned.AddYears(SubsidyYears);
        return (station.Tariff.GridYuanPerKwh, month < subsidyEnds ? station.Tariff.SubsidyYuanPerKwh : 0m);
    }

    /// <summary>Energy × price, rounded to the fen (the grid company's bill rounds the same way).</summary>
    public static decimal Revenue(decimal kwh, decimal yuanPerKwh) => Yuan.Round(kwh * yuanPerKwh);
}
