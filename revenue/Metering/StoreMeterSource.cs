using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Revenue.Metering;

/// <summary>
/// <see cref="IMeterSource"/> over the time-series port's raw PV readings: summarises them into days and keeps every reading
/// only for the days that need detail. Late and replayed readings are simply part of what the store returns.
/// </summary>
internal sealed class StoreMeterSource(ITimeSeriesStore store) : IMeterSource
{
    /// <summary>How far back the closing register before the range is looked for, widening: a day, a month, a year.</summary>
    private static readonly int[] BaselineLookbackDays = [1, 31, 400];

    public async Task<MeterSeries> ReadAsync(Station station, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        var readings = await store.ReadPvAsync(station.Id, ChinaTime.StartOfDay(from), ChinaTime.StartOfDay(to.AddDays(1)), cancellationToken).ConfigureAwait(false);
        var before = await BeforeAsync(station.Id, from, cancellationToken).ConfigureAwait(false);
        var first = await store.ReadFirstPvAsync(station.Id, ChinaTime.StartOfDay(to.AddDays(1)), cancellationToken).ConfigureAwait(false);
        var after = first is null ? null : Day(first);

        var points = readings.Select(r => MeterPoint.From(r.TimestampMs, r.EnergyTotalKwh)).ToList();
        return MeterSeries.FromReadings(points, before, after, station.MeterReplacements);
    }

    private async Task<MeterDay?> BeforeAsync(string stationId, DateOnly from, CancellationToken cancellationToken)
    {
        var searched = 0;
        foreach (var days in BaselineLookbackDays)
        {
            var start = ChinaTime.StartOfDay(from.AddDays(-days));
            var readings = await store.ReadPvAsync(stationId, start, ChinaTime.StartOfDay(from.AddDays(-searched)), cancellationToken).ConfigureAwait(false);
            if (readings.Count > 0)
            {
                return Day(readings[^1]);
            }

            searched = days;
        }

        return null;
    }

    private static MeterDay Day(PvReading reading)
    {
        var p = MeterPoint.From(reading.TimestampMs, reading.EnergyTotalKwh);
        return new MeterDay(ChinaTime.LocalDate(reading.TimestampMs), p.Kwh, p.Kwh, 1);
    }
}
