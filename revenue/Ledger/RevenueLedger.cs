using System.Globalization;
using Microsoft.Data.Sqlite;
using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Ledger;

/// <summary>
/// The revenue ledger: a SQLite file (<c>Revenue:LedgerPath</c>) holding published statements in a hash chain per village,
/// the subsidy accruals they booked, and the subsidy batches received. Append-only (see <see cref="LedgerSchema"/>).
/// </summary>
public sealed class RevenueLedger
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private bool _initialized;

    /// <summary>A ledger in the SQLite file <paramref name="path"/> (created with its folder when missing).</summary>
    public RevenueLedger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Publishes <paramref name="draft"/> as the village's next statement: numbers it, links it to the previous hash, hashes
    /// its canonical form and stores it with the subsidy accruals it books, in one transaction.
    /// </summary>
    /// <param name="draft">The computed statement (not provisional).</param>
    /// <param name="publishedAt">Publication time.</param>
    /// <param name="corrects">For a correction: the sequence number of the month's latest statement; otherwise null.</param>
    /// <param name="reason">Why a correction is made (required for corrections).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="LedgerConflictException">The month is already published and this is not a correction of its latest statement, or the reverse.</exception>
    public async Task<RevenueStatement> PublishAsync(RevenueStatement draft, DateTimeOffset publishedAt, int? corrects, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Status == StatementStatus.Provisional)
        {
            throw new LedgerConflictException($"{draft.Month} is not over yet; a provisional statement cannot be published");
        }

        if (corrects is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new LedgerConflictException("a correction needs a reason");
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (lastSeq, lastHash) = await LastAsync(connection, transaction, draft.VillageId, cancellationToken).ConfigureAwait(false);
        var latestOfMonth = await ScalarIntAsync(connection, transaction,
            "SELECT MAX(seq) FROM statements WHERE village_id = $v AND month = $m", cancellationToken, ("$v", draft.VillageId), ("$m", draft.Month)).ConfigureAwait(false);
        if (latestOfMonth is { } published && corrects != published)
        {
            throw new LedgerConflictException(corrects is null
                ? $"{draft.VillageId} {draft.Month} is already published as #{published}; publish a correction of #{published} instead"
                : $"a correction of {draft.Month} must reference the month's latest statement #{published}, not #{corrects}");
        }

        if (latestOfMonth is null && corrects is not null)
        {
            throw new LedgerConflictException($"{draft.VillageId} {draft.Month} has no published statement to correct");
        }

        var statement = draft with
        {
            Status = StatementStatus.Published,
            Sequence = lastSeq + 1,
            Corrects = corrects,
            CorrectionReason = corrects is null ? null : reason!.Trim(),
            PublishedAt = publishedAt.ToOffset(Core.Time.ChinaTime.Offset),
            PreviousHash = lastHash ?? StatementJson.GenesisHash,
            Hash = null,
        };
        var body = StatementJson.Canonical(statement);
        var hash = StatementJson.Hash(body);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO statements (village_id, seq, month, corrects, published_at, prev_hash, hash, body) VALUES ($v, $s, $m, $c, $p, $ph, $h, $b)",
            cancellationToken, ("$v", statement.VillageId), ("$s", statement.Sequence), ("$m", statement.Month), ("$c", corrects),
            ("$p", statement.PublishedAt!.Value.ToString("O", CultureInfo.InvariantCulture)), ("$ph", statement.PreviousHash), ("$h", hash), ("$b", body)).ConfigureAwait(false);
        foreach (var s in statement.Stations)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO subsidy_accruals (village_id, seq, station_id, month, accrued) VALUES ($v, $s, $st, $m, $a)",
                cancellationToken, ("$v", statement.VillageId), ("$s", statement.Sequence), ("$st", s.StationId), ("$m", statement.Month),
                ("$a", s.SubsidyAccruedYuan.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return statement with { Hash = hash };
    }

    /// <summary>The latest published statement of the village's month (a correction if there is one), or null.</summary>
    public async Task<RevenueStatement?> FindAsync(string villageId, string month, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT body, hash FROM statements WHERE village_id = $v AND month = $m ORDER BY seq DESC LIMIT 1", ("$v", villageId), ("$m", month));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? StatementJson.Parse(reader.GetString(0)) with { Hash = reader.GetString(1) }
            : null;
    }

    /// <summary>The statement with sequence number <paramref name="sequence"/> and its stored canonical text, or null.</summary>
    public async Task<(RevenueStatement Statement, string Canonical)?> FindBySequenceAsync(string villageId, int sequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT body, hash FROM statements WHERE village_id = $v AND seq = $s", ("$v", villageId), ("$s", sequence));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (StatementJson.Parse(reader.GetString(0)) with { Hash = reader.GetString(1) }, reader.GetString(0))
            : null;
    }

    /// <summary>The village's chain, oldest first.</summary>
    public async Task<IReadOnlyList<PublishedStatementInfo>> ListAsync(string villageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT seq, month, corrects, published_at, prev_hash, hash FROM statements WHERE village_id = $v ORDER BY seq", ("$v", villageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<PublishedStatementInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new PublishedStatementInfo(
                reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetString(4), reader.GetString(5)));
        }

        return result;
    }

    /// <summary>
    /// Walks the village's chain from the first statement and reports the first link that does not hold: a gap in the
    /// numbering, a previous-hash that is not the previous statement's hash, a body whose SHA-256 is not its stored hash, a
    /// body that disagrees with its row or is not in canonical form.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(string villageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT seq, month, prev_hash, hash, body FROM statements WHERE village_id = $v ORDER BY seq", ("$v", villageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var previous = StatementJson.GenesisHash;
        var count = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var (seq, month, prevHash, hash, body) = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            var problem = LedgerChain.Check(villageId, count, previous, seq, month, prevHash, hash, body);
            if (problem is not null)
            {
                return new ChainVerification(villageId, count, false, seq, problem, null);
            }

            previous = hash;
        }

        return new ChainVerification(villageId, count, true, null, null, count == 0 ? null : previous);
    }

    /// <summary>The village's subsidy accruals booked by its latest published statement of each month before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<SubsidyAccrual>> BookedAccrualsAsync(string villageId, DateOnly before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT a.station_id, a.month, a.accrued FROM subsidy_accruals a
            WHERE a.village_id = $v AND a.month < $m
              AND a.seq = (SELECT MAX(s.seq) FROM statements s WHERE s.village_id = a.village_id AND s.month = a.month)
            ORDER BY a.month, a.station_id
            """, ("$v", villageId), ("$m", before.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<SubsidyAccrual>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SubsidyAccrual(reader.GetString(0), Month(reader.GetString(1)), decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>Records a subsidy batch (its <see cref="SubsidyBatch.Id"/> is assigned) and returns it.</summary>
    public async Task<SubsidyBatch> RecordBatchAsync(SubsidyBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO subsidy_batches (station_id, received, amount, period_from, period_to, reference, recorded_at)
            VALUES ($st, $r, $a, $f, $t, $ref, $at) RETURNING id
            """,
            ("$st", batch.StationId), ("$r", batch.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$a", batch.AmountYuan.ToString(CultureInfo.InvariantCulture)), ("$f", batch.PeriodFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("$t", batch.PeriodTo.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("$ref", batch.Reference),
            ("$at", batch.RecordedAt.ToString("O", CultureInfo.InvariantCulture)));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return batch with { Id = id };
    }

    /// <summary>Subsidy batches of the given stations received on or before <paramref name="receivedUpTo"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SubsidyBatch>> BatchesAsync(IReadOnlyCollection<string> stationIds, DateOnly receivedUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stationIds);
        if (stationIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var names = stationIds.Select((_, i) => "$s" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        await using var command = Command(connection, null,
            $"SELECT id, station_id, received, amount, period_from, period_to, reference, recorded_at FROM subsidy_batches WHERE received <= $r AND station_id IN ({string.Join(", ", names)}) ORDER BY received, id",
            [("$r", receivedUpTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), .. stationIds.Select((id, i) => (names[i], (object?)id))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<SubsidyBatch>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SubsidyBatch(
                reader.GetInt64(0), reader.GetString(1), DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture), Month(reader.GetString(4)), Month(reader.GetString(5)),
                reader.GetString(6), DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static DateOnly Month(string yyyyMM) => DateOnly.ParseExact(yyyyMM + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(int Seq, string? Hash)> LastAsync(SqliteConnection connection, SqliteTransaction transaction, string villageId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT seq, hash FROM statements WHERE village_id = $v ORDER BY seq DESC LIMIT 1", ("$v", villageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt32(0), reader.GetString(1)) : (0, null);
    }

    private static async Task<int?> ScalarIntAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Only parameter names are composed into SQL (BatchesAsync); every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_initialized)
            {
                await InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, null, LedgerSchema.Create + $"PRAGMA user_version = {LedgerSchema.Version};", cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }
}
