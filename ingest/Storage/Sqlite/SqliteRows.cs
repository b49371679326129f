using Microsoft.Data.Sqlite;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Streams the rows of one query on a connection of its own (the reader is valid until the next row is asked for).</summary>
internal static class SqliteRows
{
    public static async IAsyncEnumerable<SqliteDataReader> ReadAsync(
        Func<CancellationToken, Task<SqliteConnection>> open,
        string sql,
        IEnumerable<(string Name, object Value)> parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader;
        }
    }
}
