using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Storage;

/// <summary>The embedded SQLite store (configuration section <c>Storage:Sqlite</c>).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Database file; relative paths are under the content root. The folder is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/telemetry.db";

    /// <summary>
    /// <c>Full</c> (default) syncs the WAL on every commit, so an acknowledged reading survives a power cut;
    /// <c>Normal</c> survives a process crash only.
    /// </summary>
    [AllowedValues("Full", "Normal")]
    public string Synchronous { get; set; } = "Full";

    /// <summary>
    /// Page cache of the writer connection, in MiB (SQLite's default is 2). Readings of many devices land on many
    /// B-tree pages; a cache that holds them saves re-reading each page for every batch.
    /// </summary>
    [Range(2, 4096)]
    public int WriterCacheMb { get; set; } = 64;

    /// <summary>
    /// WAL size in MiB after which a commit copies the WAL back into the database (SQLite's default is about 4). A page
    /// rewritten by many batches is then copied once, not once per batch.
    /// </summary>
    [Range(1, 4096)]
    public int CheckpointMb { get; set; } = 64;
}
