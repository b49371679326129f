using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// Where the official figures read stations' meters from: per China-time day the store's daily aggregate, every reading for
/// days that need it (<see cref="MeterSeries.NeedsDetail"/>), the closing reading of the last day before the range and the
/// opening reading of the first day after it.
/// </summary>
public interface IMeterSource
{
    /// <summary>The meter series of each of <paramref name="stations"/> (by station id) for the local days <paramref name="from"/>…<paramref name="to"/>.</summary>
    Task<IReadOnlyDictionary<string, MeterSeries>> ReadAsync(IReadOnlyList<Station> stations, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The station's meter series for the local days <paramref name="from"/>…<paramref name="to"/>.</summary>
    async Task<MeterSeries> ReadAsync(Station station, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        return (await ReadAsync([station], from, to, cancellationToken).ConfigureAwait(false))[station.Id];
    }
}
