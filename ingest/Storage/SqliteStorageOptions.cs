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
}
