using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// The alert store's SQLite file (WAL): one writer connection used under a lock, each write one IMMEDIATE transaction;
/// reads open their own pooled connections and never wait for the writer. Created on first use.
/// </summary>
internal sealed class AlertDatabase : IDisposable
{
    private readonly Lock _writeLock = new();
    private readonly Lock _initLock = new();
    private readonly string _connectionString;
    private SqliteConnection? _writer;
    private volatile bool _initialized;

    public AlertDatabase(IOptions<AlertLifecycleOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.DatabasePath;
        FilePath = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_writeLock)
        {
            EnsureInitialized();
            _writer ??= Open();
            try
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                var result = work(_writer, transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException)
            {
                // A broken connection (disk full, file replaced) is reopened by the next write.
                _writer.Dispose();
                _writer = null;
                throw;
            }
        }
    }

    /// <summary>A connection for reading; dispose it when done.</summary>
    public SqliteConnection OpenRead()
    {
        EnsureInitialized();
        return Open();
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _writer?.Dispose();
            _writer = null;
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA journal_mode = WAL; {AlertSchema.Create} PRAGMA user_version = {AlertSchema.Version};";
            command.ExecuteNonQuery();
            _initialized = true;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // FULL: an acknowledged transition survives a power cut too; alert changes are rare, so the fsync costs nothing.
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
        return connection;
    }
}
