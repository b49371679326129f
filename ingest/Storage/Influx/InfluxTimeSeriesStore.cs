using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// The production store: line protocol in, InfluxQL over <c>/query</c> out, for InfluxDB 1.x, 2.x and 3.x
/// (<see cref="IInfluxLineSink"/> holds what differs). Raw readings live in a retention policy / bucket that expires after
/// <c>Storage:Retention:RawDays</c>; the daily meter rollup (<c>pv_daily</c>) lives in one that never expires.
/// </summary>
internal sealed partial class InfluxTimeSeriesStore : ITimeSeriesStore, IDisposable
{
    private const int RollupLinesPerWrite = 5_000;
    private const int RollupDaysPerQuery = 31;
    private readonly FleetRegistry _fleet;
    private readonly ILogger<InfluxTimeSeriesStore> _logger;
    private readonly HttpClient _http;
    private readonly InfluxQueryClient _query;
    private readonly IInfluxLineSink _sink;
    private readonly InfluxRetryPolicy _retry;
    private readonly InfluxLineBuilder _lines;
    private readonly InfluxDbStorageOptions _options;
    private readonly TimeProvider _time;
    private StringBuilder? _spareBuilder;
    private volatile bool _initialized;
    private DateTimeOffset _nextInitializeAttempt;

    public InfluxTimeSeriesStore(FleetRegistry fleet, IOptions<StorageOptions> options, TimeProvider time, ILogger<InfluxTimeSeriesStore> logger)
    {
        _fleet = fleet;
        _logger = logger;
        _time = time;
        _options = options.Value.InfluxDB;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(_options.Url.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
        };
        AuthenticationHeaderValue? authorization = _options.Version >= 2
            ? new AuthenticationHeaderValue("Token", _options.Token)
            : _options.Username is { Length: > 0 } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_options.Password}")))
                : null;
        _query = new InfluxQueryClient(_http, authorization, readsByPost: _options.Version == 1);
        _sink = _options.Version >= 2
            ? new InfluxV2Sink(_options, options.Value.Retention)
            : new InfluxV1Sink(_http, _query, _options, options.Value.Retention);
        _retry = new InfluxRetryPolicy(_options, time);
        _lines = new InfluxLineBuilder(fleet);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _sink.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _initialized = true;
        LogReady(_options.Url, _options.Version);
    }

    public async Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        var builder = Interlocked.Exchange(ref _spareBuilder, null) ?? new StringBuilder(readings.Count * 256);
        var writer = new LineProtocolWriter(builder);
        foreach (var reading in readings)
        {
            _lines.Append(writer, reading);
        }

        try
        {
            await _retry.RunAsync(ct => _sink.WriteAsync(builder, InfluxTarget.Raw, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxWriteException e) when (e.Status == 404)
        {
            _initialized = false; // database or bucket gone (dropped by hand?): set it up again before the next attempt
            throw;
        }
        finally
        {
            builder.Clear();
            _spareBuilder = builder;
        }
    }

    public async Task<IReadOnlyList<PvReading>> ReadPvAsync(string stationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ReadPvAsync([stationId], from, to, cancellationToken).ConfigureAwait(false))[stationId];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PvReading>>> ReadPvAsync(
        IReadOnlyCollection<string> stationIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // One statement per station (filters on many stations grow faster than linearly on InfluxDB 1.6), a hundred to a request.
        var result = new Dictionary<string, IReadOnlyList<PvReading>>(StringComparer.Ordinal);
        var stations = new List<Station>();
        foreach (var id in stationIds)
        {
            result[id] = [];
            if (_fleet.TryGetDevice(id, out var device) && device is Station station)
            {
                stations.Add(station);
            }
        }

        var range = InfluxQl.Range(from, to);
        foreach (var chunk in stations.DistinctBy(s => s.Id).Chunk(InfluxMeterQueries.StationsPerRequest))
        {
            var series = await RawAsync(
                string.Join("; ", chunk.Select(s => $"SELECT * FROM {Pv} WHERE {Is(InfluxSchema.StationTag, s.Id)} AND {range}")), cancellationToken).ConfigureAwait(false);
            foreach (var group in series.GroupBy(s => s.Statement))
            {
                var station = chunk[group.Key];
                result[station.Id] = Distinct(group.SelectMany(s => s.Rows.Select(r => InfluxReadingMapper.Pv(s, r, station))));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<BarnReading>> ReadBarnAsync(string barnId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!_fleet.TryGetDevice(barnId, out var device) || device is not Barn barn)
        {
            return [];
        }

        var series = await RawAsync($"SELECT * FROM {BarnMeasurement} WHERE {Is(InfluxSchema.BarnTag, barnId)} AND {InfluxQl.Range(from, to)}", cancellationToken).ConfigureAwait(false);
        return Distinct(series.SelectMany(s => s.Rows.Select(r => InfluxReadingMapper.Barn(s, r, barn))));
    }

    public async Task<IReadOnlyList<Reading>> ReadAllAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // One query per measurement for every series; the device comes from its tag. One reading per device and time: a
        // device whose tags changed (registry edit) has two series, and a replay may have written to both.
        var result = new Dictionary<(string Id, long Ms), Reading>();
        foreach (var (measurement, tag) in new[] { (Pv, InfluxSchema.StationTag), (BarnMeasurement, InfluxSchema.BarnTag) })
        {
            var series = await RawAsync($"SELECT * FROM {measurement} WHERE {InfluxQl.Range(from, to)}", cancellationToken).ConfigureAwait(false);
            foreach (var s in series)
            {
                foreach (var row in s.Rows)
                {
                    if (InfluxReadingMapper.DeviceId(s, row, tag) is { } id && _fleet.TryGetDevice(id, out var device))
                    {
                        Reading reading = device is Station station ? InfluxReadingMapper.Pv(s, row, station) : InfluxReadingMapper.Barn(s, row, (Barn)device);
                        result[(id, reading.TimestampMs)] = reading;
                    }
                }
            }
        }

        return [.. result.Values.OrderBy(r => r.TimestampMs)];
    }

    public async Task<IReadOnlyList<Reading>> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var result = new List<Reading>();
        foreach (var (measurement, tag) in new[] { (Pv, InfluxSchema.StationTag), (BarnMeasurement, InfluxSchema.BarnTag) })
        {
            result.AddRange(await OnePerDeviceAsync($"SELECT * FROM {measurement} GROUP BY {InfluxQl.Identifier(tag)} ORDER BY time DESC LIMIT 1", tag, newest: true, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    public async Task<IReadOnlyList<PvReading>> ReadFirstPvAsync(DateTimeOffset from, CancellationToken cancellationToken) =>
        [.. (await OnePerDeviceAsync(
            $"SELECT * FROM {Pv} WHERE time >= {InfluxQl.Time(from)} GROUP BY {InfluxQl.Identifier(InfluxSchema.StationTag)} ORDER BY time ASC LIMIT 1",
            InfluxSchema.StationTag, newest: false, cancellationToken).ConfigureAwait(false)).OfType<PvReading>()];

    public Task<IReadOnlyList<PvSeriesPoint>> ReadPvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        new InfluxHistoryQueries(this).PvSeriesAsync(stationId, from, to, resolution, cancellationToken);

    public Task<IReadOnlyList<BarnSeriesPoint>> ReadBarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        new InfluxHistoryQueries(this).BarnSeriesAsync(barnId, from, to, resolution, cancellationToken);

    public Task<IReadOnlyList<VillagePowerPoint>> ReadVillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        new InfluxHistoryQueries(this).VillagePowerAsync(villageId, from, to, resolution, cancellationToken);

    public async Task<IReadOnlyList<DailyMeter>> ReadDailyMetersAsync(string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await new InfluxMeterQueries(this).DailyMetersAsync([stationId], from, to, cancellationToken).ConfigureAwait(false))[stationId];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyMeter>>> ReadDailyMetersAsync(
        IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await new InfluxMeterQueries(this).DailyMetersAsync(stationIds, from, to, cancellationToken).ConfigureAwait(false);

    public Task<MeterBaseline?> ReadMeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken) =>
        new InfluxMeterQueries(this).MeterBaselineAsync(stationId, day, cancellationToken);

    public async Task RollUpAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // A month of the whole fleet per query keeps answers bounded (the daily full pass asks for every day since 2000).
        for (var chunk = from; chunk <= to; chunk = chunk.AddDays(RollupDaysPerQuery))
        {
            var last = chunk.AddDays(RollupDaysPerQuery - 1) < to ? chunk.AddDays(RollupDaysPerQuery - 1) : to;
            await RollUpChunkAsync(chunk, last, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.CompletedTask; // the retention policy / bucket expires raw data

    private async Task RollUpChunkAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var queries = new InfluxMeterQueries(this);
        var fresh = await queries.RawDailyMetersAsync(null, from, to, cancellationToken).ConfigureAwait(false);
        if (fresh.Count == 0)
        {
            return;
        }

        var kept = await queries.RollupDailyMetersAsync(null, from, to, cancellationToken).ConfigureAwait(false);
        var writer = new LineProtocolWriter();
        var lines = 0;
        foreach (var ((station, date), meter) in fresh)
        {
            // Raw readings that began to expire (retention drops whole shards) hold fewer readings than the rollup made earlier.
            if (kept.TryGetValue((station, date), out var old) && old.Readings > meter.Readings)
            {
                continue;
            }

            var start = writer.Builder.Length;
            writer.Measurement(InfluxSchema.PvDaily).Tag(InfluxSchema.StationTag, station)
                .Field(InfluxSchema.FirstKwh, meter.FirstKwh).Field(InfluxSchema.LastKwh, meter.LastKwh).Field(InfluxSchema.Readings, meter.Readings)
                .Field(InfluxSchema.FirstAt, meter.FirstAt.ToUnixTimeMilliseconds()).Field(InfluxSchema.LastAt, meter.LastAt.ToUnixTimeMilliseconds())
                .Field(InfluxSchema.MinKwh, meter.MinKwh).Field(InfluxSchema.RiseKwh, meter.RiseKwh).Field(InfluxSchema.StepsDown, meter.StepsDown)
                .End(ChinaTime.StartOfDay(date).ToUnixTimeMilliseconds(), start);
            if (++lines == RollupLinesPerWrite)
            {
                await WriteRollupAsync(writer, cancellationToken).ConfigureAwait(false);
                lines = 0;
            }
        }

        if (lines > 0)
        {
            await WriteRollupAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _sink.Dispose();
        _http.Dispose();
    }

    internal FleetRegistry Fleet => _fleet;

    internal static string Pv => InfluxQl.Identifier(InfluxSchema.Pv);

    internal static string BarnMeasurement => InfluxQl.Identifier(InfluxSchema.Barn);

    internal static string Is(string tag, string value) => $"{InfluxQl.Identifier(tag)} = {InfluxQl.String(value)}";

    internal Task<IReadOnlyList<InfluxSeries>> RawAsync(string query, CancellationToken cancellationToken) => QueryAsync(InfluxTarget.Raw, query, cancellationToken);

    internal Task<IReadOnlyList<InfluxSeries>> QueryAsync(InfluxTarget target, string query, CancellationToken cancellationToken)
    {
        var (db, rp) = _sink.QueryTarget(target);
        return _query.QueryAsync(db, rp, query, cancellationToken);
    }

    /// <summary>
    /// Sets up the database/buckets if that has not succeeded yet, at most once a minute. A failure is logged, not thrown: a
    /// token that may write but not manage buckets must still be able to write, and the write itself decides.
    /// </summary>
    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_initialized || now < _nextInitializeAttempt)
        {
            return;
        }

        _nextInitializeAttempt = now.AddMinutes(1);
        try
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogInitializeFailed(e.Message);
        }
    }

    private async Task WriteRollupAsync(LineProtocolWriter writer, CancellationToken cancellationToken)
    {
        await _retry.RunAsync(ct => _sink.WriteAsync(writer.Builder, InfluxTarget.Rollup, ct), cancellationToken).ConfigureAwait(false);
        writer.Builder.Clear();
    }

    /// <summary>One reading per device time: a device whose tags changed (registry edit) has two series, and a replay may hit both.</summary>
    private static List<T> Distinct<T>(IEnumerable<T> readings)
        where T : Reading =>
        [.. readings.GroupBy(r => r.TimestampMs).Select(g => g.Last()).OrderBy(r => r.TimestampMs)];

    /// <summary>
    /// The fleet in one statement grouped by the device tag with one point per group; should a device still come back more
    /// than once, its newest (or oldest) point wins.
    /// </summary>
    private async Task<IEnumerable<Reading>> OnePerDeviceAsync(string query, string tag, bool newest, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Reading>(StringComparer.Ordinal);
        foreach (var s in await RawAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in s.Rows)
            {
                if (InfluxReadingMapper.DeviceId(s, row, tag) is not { } id || !_fleet.TryGetDevice(id, out var device))
                {
                    continue;
                }

                Reading reading = device is Station station ? InfluxReadingMapper.Pv(s, row, station) : InfluxReadingMapper.Barn(s, row, (Barn)device);
                if (!result.TryGetValue(id, out var seen) || (newest ? seen.TimestampMs < reading.TimestampMs : seen.TimestampMs > reading.TimestampMs))
                {
                    result[id] = reading;
                }
            }
        }

        return result.Values;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB setup (database, retention, buckets) failed, writing anyway: {Error}")]
    private partial void LogInitializeFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB time-series store at {Url} (version {Version}) ready")]
    private partial void LogReady(string url, int version);
}
