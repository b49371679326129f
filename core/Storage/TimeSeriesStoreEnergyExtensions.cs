namespace Telemetry.Core.Storage;

/// <summary>Daily and monthly energy per station, the same for every adapter (see <see cref="EnergyCalculator"/>).</summary>
public static class TimeSeriesStoreEnergyExtensions
{
    /// <summary>Energy of each China-time day in [<paramref name="from"/>, <paramref name="to"/>] that has readings.</summary>
    public static async Task<IReadOnlyList<DailyEnergy>> ReadDailyEnergyAsync(
        this ITimeSeriesStore store, string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var meters = await store.ReadDailyMetersAsync(stationId, from, to, cancellationToken).ConfigureAwait(false);
        var baseline = await store.ReadMeterBaselineAsync(stationId, from, cancellationToken).ConfigureAwait(false);
        return EnergyCalculator.Daily(meters, baseline);
    }

    /// <summary>Energy of each calendar month from the month of <paramref name="from"/> to the month of <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<MonthlyEnergy>> ReadMonthlyEnergyAsync(
        this ITimeSeriesStore store, string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var days = await store.ReadDailyEnergyAsync(stationId, first, last, cancellationToken).ConfigureAwait(false);
        return EnergyCalculator.Monthly(days);
    }
}
