using Microsoft.Data.Sqlite;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The history reads of <see cref="SqliteTimeSeriesStore"/>: rows are streamed in time order and bucketed here with the same
/// grid as InfluxQL's <c>GROUP BY time(width, offset)</c> (<see cref="SeriesBuckets"/>), so both adapters answer alike.
/// </summary>
internal sealed class SqliteHistoryQueries(Func<CancellationToken, Task<SqliteConnection>> open, FleetRegistry fleet)
{
    public async Task<IReadOnlyList<PvSeriesPoint>> PvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var result = new List<PvSeriesPoint>();
        var bucket = new SeriesAccumulator();
        long current = long.MinValue;
        await foreach (var row in RowsAsync(
            "SELECT ts, p_ac_kw, e_total_kwh FROM pv_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts",
            [("$id", stationId), ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            var start = SeriesBuckets.BucketStart(row.GetInt64(0), resolution);
            if (start != current && bucket.Count > 0)
            {
                result.Add(bucket.Pv(current));
                bucket = new SeriesAccumulator();
            }

            current = start;
            bucket.Add(row.GetDouble(1), row.GetDouble(2));
        }

        if (bucket.Count > 0)
        {
            result.Add(bucket.Pv(current));
        }

        return result;
    }

    public async Task<IReadOnlyList<BarnSeriesPoint>> BarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        var result = new List<BarnSeriesPoint>();
        var bucket = new BarnAccumulator();
        long current = long.MinValue;
        await foreach (var row in RowsAsync(
            "SELECT ts, t_c, rh_pct, nh3_ppm, co2_ppm, h2s_ppm FROM barn_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts",
            [("$id", barnId), ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false))
        {
            var start = SeriesBuckets.BucketStart(row.GetInt64(0), resolution);
            if (start != current && bucket.Count > 0)
            {
                result.Add(bucket.Point(current));
                bucket = new BarnAccumulator();
            }

            current = start;
            bucket.Add(row.GetDouble(1), row.GetDouble(2), Nullable(row, 3), Nullable(row, 4), Nullable(row, 5));
        }

        if (bucket.Count > 0)
        {
            result.Add(bucket.Point(current));
        }

        return result;
    }

    public async Task<IReadOnlyList<VillagePowerPoint>> VillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken)
    {
        if (resolution == SeriesResolution.Raw)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "village power needs buckets (1m, 15m or 1d)");
        }

        var totals = new SortedDictionary<long, (double Power, int Stations)>();
        foreach (var station in fleet.Stations.Where(s => s.Village.Id == villageId))
        {
            foreach (var point in await PvSeriesAsync(station.Id, from, to, resolution, cancellationToken).ConfigureAwait(false))
            {
                var key = point.Time.ToUnixTimeMilliseconds();
                var (power, stations) = totals.GetValueOrDefault(key);
                totals[key] = (power + point.MeanPowerKw, stations + 1);
            }
        }

        return [.. totals.Select(t => new VillagePowerPoint(DateTimeOffset.FromUnixTimeMilliseconds(t.Key), t.Value.Power, t.Value.Stations))];
    }

    private static double? Nullable(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetDouble(i);

    private IAsyncEnumerable<SqliteDataReader> RowsAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken) =>
        SqliteRows.ReadAsync(open, sql, parameters, cancellationToken);
}
