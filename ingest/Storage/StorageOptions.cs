using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Storage;

/// <summary>Time-series storage (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>A store write that takes longer than this is abandoned and its batch spooled (it may still land; replays are idempotent).</summary>
    [Range(1, 600)]
    public int WriteTimeoutSeconds { get; set; } = 30;

    [Required]
    [ValidateObjectMembers]
    public SqliteStorageOptions Sqlite { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public InfluxDbStorageOptions InfluxDB { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public SpoolOptions Spool { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public RetentionOptions Retention { get; set; } = new();
}
