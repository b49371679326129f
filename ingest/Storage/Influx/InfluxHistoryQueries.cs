using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>The history reads of <see cref="InfluxTimeSeriesStore"/> in InfluxQL: buckets with <c>GROUP BY time(width, offset)</c> (see <see cref="SeriesBuckets"/>).</summary>
internal sealed class InfluxHistoryQueries(InfluxTimeSeriesStore store)
{
    private static readonly string Station = InfluxQl.Identifier(InfluxSchema.StationTag);

    public async Task<IReadOnlyList<PvSeriesPoint>> PvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var where = $"WHERE {InfluxTimeSeriesStore.Is(InfluxSchema.StationTag, stationId)} AND {InfluxQl.Range(from, to)}";
        if (resolution == SeriesResolution.Raw)
        {
            var raw = await store.RawAsync($"SELECT \"p_ac_kw\", \"e_total_kwh\" FROM {InfluxTimeSeriesStore.Pv} {where}", cancellationToken).ConfigureAwait(false);
            return [.. raw.SelectMany(s => s.Rows.Select(r => new PvSeriesPoint(
                    At(InfluxSeries.Time(r)), InfluxSeries.Double(r, 1) ?? 0, InfluxSeries.Double(r, 1) ?? 0, InfluxSeries.Double(r, 2) ?? 0, 1)))
                .GroupBy(p => p.Time).Select(g => g.Last()).OrderBy(p => p.Time)];
        }

        var series = await store.RawAsync(
            $"SELECT mean(\"p_ac_kw\") AS \"mean\", max(\"p_ac_kw\") AS \"max\", last(\"e_total_kwh\") AS \"last\", count(\"p_ac_kw\") AS \"n\" FROM {InfluxTimeSeriesStore.Pv} {where} {GroupBy(resolution)}",
            cancellationToken).ConfigureAwait(false);
        return [.. series.SelectMany(s => s.Rows.Where(r => InfluxSeries.Double(r, 1) is not null).Select(r => new PvSeriesPoint(
            At(InfluxSeries.Time(r)), InfluxSeries.Double(r, 1) ?? 0, InfluxSeries.Double(r, 2) ?? 0, InfluxSeries.Double(r, 3) ?? 0, InfluxSeries.Long(r, 4) ?? 0)))
            .OrderBy(p => p.Time)];
    }

    public async Task<IReadOnlyList<BarnSeriesPoint>> BarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var where = $"WHERE {InfluxTimeSeriesStore.Is(InfluxSchema.BarnTag, barnId)} AND {InfluxQl.Range(from, to)}";
        var raw = resolution == SeriesResolution.Raw;
        var select = raw
            ? "SELECT \"t_c\", \"t_c\", \"rh_pct\", \"nh3_ppm\", \"nh3_ppm\", \"co2_ppm\", \"h2s_ppm\""
            : "SELECT mean(\"t_c\") AS \"t\", max(\"t_c\") AS \"t_max\", mean(\"rh_pct\") AS \"rh\", mean(\"nh3_ppm\") AS \"nh3\", max(\"nh3_ppm\") AS \"nh3_max\", "
              + "mean(\"co2_ppm\") AS \"co2\", mean(\"h2s_ppm\") AS \"h2s\", count(\"t_c\") AS \"n\"";
        var series = await store.RawAsync($"{select} FROM {InfluxTimeSeriesStore.BarnMeasurement} {where} {(raw ? "" : GroupBy(resolution))}", cancellationToken).ConfigureAwait(false);
        return [.. series.SelectMany(s => s.Rows.Where(r => InfluxSeries.Double(r, 1) is not null).Select(r => new BarnSeriesPoint(
                At(InfluxSeries.Time(r)),
                InfluxSeries.Double(r, 1) ?? 0,
                InfluxSeries.Double(r, 2) ?? 0,
                InfluxSeries.Double(r, 3) ?? 0,
                InfluxSeries.Double(r, 4),
                InfluxSeries.Double(r, 5),
                InfluxSeries.Double(r, 6),
                InfluxSeries.Double(r, 7),
                raw ? 1 : InfluxSeries.Long(r, 8) ?? 0)))
            .GroupBy(p => p.Time).Select(g => g.Last()).OrderBy(p => p.Time)];
    }

    public async Task<IReadOnlyList<VillagePowerPoint>> VillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        if (resolution == SeriesResolution.Raw)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "village power needs buckets (1m, 15m or 1d)");
        }

        var stations = store.Fleet.Stations.Where(s => s.Village.Id == villageId).Select(s => s.Id).ToList();
        if (stations.Count == 0)
        {
            return [];
        }

        var series = await store.RawAsync(
            $"SELECT mean(\"p_ac_kw\") AS \"mean\" FROM {InfluxTimeSeriesStore.Pv} WHERE {InfluxQl.AnyOf(InfluxSchema.StationTag, stations)} AND {InfluxQl.Range(from, to)} {GroupBy(resolution, Station)}",
            cancellationToken).ConfigureAwait(false);
        return [.. series.SelectMany(s => s.Rows.Where(r => InfluxSeries.Double(r, 1) is not null).Select(r => (Time: InfluxSeries.Time(r), Power: InfluxSeries.Double(r, 1)!.Value)))
            .GroupBy(x => x.Time).OrderBy(g => g.Key).Select(g => new VillagePowerPoint(At(g.Key), g.Sum(x => x.Power), g.Count()))];
    }

    private static string GroupBy(SeriesResolution resolution, string? tag = null) =>
        $"GROUP BY time({InfluxQl.Duration(SeriesBuckets.WidthMs(resolution))}, {InfluxQl.Duration(SeriesBuckets.OffsetMs(resolution))}){(tag is null ? "" : ", " + tag)} fill(none)";

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
