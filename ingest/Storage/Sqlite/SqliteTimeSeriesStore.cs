using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The embedded store: a SQLite file in WAL mode, one transaction per batch, upsert on (device, device time).
/// Writes come from one writer at a time (the ingest batcher); reads open their own pooled connections.
/// </summary>
internal sealed partial class SqliteTimeSeriesStore : ITimeSeriesStore, IAsyncDisposable
{
    private readonly FleetRegistry _fleet;
    private readonly ILogger<SqliteTimeSeriesStore> _logger;
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly int _writerCacheKib;
    private readonly int _checkpointMb;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteHistoryQueries _history;
    private readonly SqliteMeterQueries _meters;
    private SqliteConnection? _writer;
    private SqliteUpserts? _upserts;

    public SqliteTimeSeriesStore(FleetRegistry fleet, IOptions<StorageOptions> options, IHostEnvironment environment, ILogger<SqliteTimeSeriesStore> logger)
    {
        _fleet = fleet;
        _logger = logger;
        var sqlite = options.Value.Sqlite;
        FilePath = System.IO.Path.IsPathRooted(sqlite.Path) ? sqlite.Path : System.IO.Path.Combine(environment.ContentRootPath, sqlite.Path);
        _synchronous = sqlite.Synchronous.ToUpperInvariant();
        _writerCacheKib = sqlite.WriterCacheMb * 1024;
        _checkpointMb = sqlite.CheckpointMb;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _history = new SqliteHistoryQueries(OpenAsync, fleet);
        _meters = new SqliteMeterQueries(OpenAsync);
    }

    public string FilePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(FilePath))!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
        await AddMissingDailyColumnsAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"PRAGMA user_version = {SqliteSchema.Version};", cancellationToken).ConfigureAwait(false);
        LogOpened(FilePath);
    }

    public async Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is null)
            {
                _writer = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(_writer, WriterPragmas(), cancellationToken).ConfigureAwait(false);
                _upserts = new SqliteUpserts(_writer);
            }

            try
            {
                WriteBatch(_writer, _upserts!, readings);
            }
            catch (SqliteException)
            {
                // A broken connection (disk full, file replaced) is reopened on the next batch.
                await CloseWriterAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<PvReading>> ReadPvAsync(string stationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ReadPvAsync([stationId], from, to, cancellationToken).ConfigureAwait(false))[stationId];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PvReading>>> ReadPvAsync(
        IReadOnlyCollection<string> stationIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // One connection and one prepared statement, run once per station (a range seek on its key each).
        var result = new Dictionary<string, IReadOnlyList<PvReading>>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSchema.PvColumns} FROM pv_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts";
        var id = command.Parameters.Add(new SqliteParameter("$id", ""));
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        foreach (var stationId in stationIds)
        {
            var readings = new List<PvReading>();
            if (_fleet.TryGetDevice(stationId, out var device) && device is Station station)
            {
                id.Value = stationId;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    readings.Add(SqliteReadingMapper.ReadPv(reader, station));
                }
            }

            result[stationId] = readings;
        }

        return result;
    }

    public async Task<IReadOnlyList<BarnReading>> ReadBarnAsync(string barnId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!_fleet.TryGetDevice(barnId, out var device) || device is not Barn barn)
        {
            return [];
        }

        return await QueryAsync(
            $"SELECT {SqliteSchema.BarnColumns} FROM barn_readings WHERE device_id = $id AND ts >= $from AND ts < $to ORDER BY ts",
            barnId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), r => SqliteReadingMapper.ReadBarn(r, barn), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Reading>> ReadAllAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The registry's ids as an IN list on the key's first column: one statement per kind for the whole fleet, which
        // SQLite runs as one (device, ts) range seek per device instead of a scan of the table.
        var result = new List<Reading>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (table, columns, stations) in new[] { ("pv_readings", SqliteSchema.PvColumns, true), ("barn_readings", SqliteSchema.BarnColumns, false) })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {table} WHERE device_id IN (SELECT value FROM json_each($ids)) AND ts >= $from AND ts < $to";
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(_fleet.Devices.Where(d => d is Station == stations).Select(d => d.Id)));
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_fleet.TryGetDevice(reader.GetString(0), out var device))
                {
                    result.Add(device is Station station ? SqliteReadingMapper.ReadPv(reader, station) : SqliteReadingMapper.ReadBarn(reader, (Barn)device));
                }
            }
        }

        result.Sort(static (a, b) => a.TimestampMs.CompareTo(b.TimestampMs));
        return result;
    }

    public async Task<IReadOnlyList<PvReading>> ReadFirstPvAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        // One statement for the fleet: per station a seek on the (device_id, ts) key for its first time at or after $from.
        var result = new List<PvReading>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var (device, reader) in PerDeviceAsync(connection, "pv_readings", SqliteSchema.PvColumns, stations: true,
            "(SELECT MIN(q.ts) FROM pv_readings AS q WHERE q.device_id = j.value AND q.ts >= $from)", from.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false))
        {
            result.Add(SqliteReadingMapper.ReadPv(reader, (Station)device));
        }

        return result;
    }

    public async Task<IReadOnlyList<Reading>> ReadLatestAsync(CancellationToken cancellationToken)
    {
        // One statement per kind for the fleet (it was one query per device: seconds at 100,000 devices).
        var result = new List<Reading>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (table, columns, stations) in new[] { ("pv_readings", SqliteSchema.PvColumns, true), ("barn_readings", SqliteSchema.BarnColumns, false) })
        {
            await foreach (var (device, reader) in PerDeviceAsync(connection, table, columns, stations,
                $"(SELECT MAX(q.ts) FROM {table} AS q WHERE q.device_id = j.value)", null, cancellationToken).ConfigureAwait(false))
            {
                result.Add(device is Station s ? SqliteReadingMapper.ReadPv(reader, s) : SqliteReadingMapper.ReadBarn(reader, (Barn)device));
            }
        }

        return result;
    }

    public Task<IReadOnlyList<PvSeriesPoint>> ReadPvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        _history.PvSeriesAsync(stationId, from, to, resolution, cancellationToken);

    public Task<IReadOnlyList<BarnSeriesPoint>> ReadBarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        _history.BarnSeriesAsync(barnId, from, to, resolution, cancellationToken);

    public Task<IReadOnlyList<VillagePowerPoint>> ReadVillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        _history.VillagePowerAsync(villageId, from, to, resolution, cancellationToken);

    public async Task<IReadOnlyList<DailyMeter>> ReadDailyMetersAsync(string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await _meters.DailyMetersAsync([stationId], from, to, cancellationToken).ConfigureAwait(false))[stationId];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyMeter>>> ReadDailyMetersAsync(
        IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await _meters.DailyMetersAsync(stationIds, from, to, cancellationToken).ConfigureAwait(false);

    public Task<MeterBaseline?> ReadMeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken) =>
        _meters.MeterBaselineAsync(stationId, day, cancellationToken);

    public async Task RollUpAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var meters = await _meters.RawDailyMetersAsync(null, from, to, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.UpsertDaily;
        var parameters = new[] { "$device_id", "$day", "$first_kwh", "$last_kwh", "$readings", "$first_ts", "$last_ts", "$min_kwh", "$rise_kwh", "$steps_down" }
            .Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        foreach (var ((station, date), meter) in meters)
        {
            parameters[0].Value = station;
            parameters[1].Value = SqliteMeterQueries.Day(date);
            parameters[2].Value = meter.FirstKwh;
            parameters[3].Value = meter.LastKwh;
            parameters[4].Value = meter.Readings;
            parameters[5].Value = meter.FirstAt.ToUnixTimeMilliseconds();
            parameters[6].Value = meter.LastAt.ToUnixTimeMilliseconds();
            parameters[7].Value = meter.MinKwh;
            parameters[8].Value = meter.RiseKwh;
            parameters[9].Value = meter.StepsDown;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        // Per device, so each DELETE walks the (device_id, ts) key instead of scanning the table, and holds the write lock briefly.
        long deleted = 0;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var device in _fleet.Devices)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {(device is Station ? "pv_readings" : "barn_readings")} WHERE device_id = $id AND ts < $before";
            command.Parameters.AddWithValue("$id", device.Id);
            command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            deleted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deleted > 0)
        {
            LogPruned(deleted, before);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseWriterAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private static void WriteBatch(SqliteConnection connection, SqliteUpserts upserts, IReadOnlyList<Reading> readings)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var reading in readings)
        {
            upserts.Write(reading);
        }

        transaction.Commit();
    }

    /// <summary>Cache and checkpoint size of the writer connection (<see cref="SqliteStorageOptions"/>); 4 KiB pages.</summary>
    private string WriterPragmas() => string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{_writerCacheKib}; PRAGMA wal_autocheckpoint = {_checkpointMb * 256};");

    /// <summary>
    /// One row per registered device of a kind: the row of <paramref name="table"/> at the time <paramref name="timeOfDevice"/>
    /// gives (a scalar subquery on <c>q</c> correlated with the device id <c>j.value</c>), found by key seeks.
    /// </summary>
    private async IAsyncEnumerable<(Device Device, SqliteDataReader Reader)> PerDeviceAsync(
        SqliteConnection connection, string table, string columns, bool stations, string timeOfDevice, long? from,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM json_each($ids) AS j JOIN {table} AS p ON p.device_id = j.value AND p.ts = {timeOfDevice}";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(_fleet.Devices.Where(d => d is Station == stations).Select(d => d.Id)));
        if (from is { } ms)
        {
            command.Parameters.AddWithValue("$from", ms);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_fleet.TryGetDevice(reader.GetString(0), out var device))
            {
                yield return (device, reader);
            }
        }
    }

    private async Task CloseWriterAsync()
    {
        _upserts?.Dispose();
        _upserts = null;
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
    }

    private async Task<List<T>> QueryAsync<T>(string sql, string id, long from, long to, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(map(reader));
        }

        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA busy_timeout = 5000;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task AddMissingDailyColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_table_info('pv_daily')";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (name, type) in SqliteSchema.DailyColumnsSinceVersion3.Where(c => !existing.Contains(c.Name)))
        {
            await ExecuteAsync(connection, $"ALTER TABLE pv_daily ADD COLUMN {name} {type};", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} raw readings older than {Before}")]
    private partial void LogPruned(long count, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite time-series store at {Path} (WAL)")]
    private partial void LogOpened(string path);
}
