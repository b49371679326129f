using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// Where the official figures read a station's meter from: per China-time day the first and last register and the number
/// of readings, every reading for days that need it (<see cref="MeterSeries.NeedsDetail"/>), the closing register of the
/// last day before the range and the opening register of the first day after it.
/// </summary>
public interface IMeterSource
{
    /// <summary>The station's meter series for the local days <paramref name="from"/>…<paramref name="to"/>.</summary>
    Task<MeterSeries> ReadAsync(Station station, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
