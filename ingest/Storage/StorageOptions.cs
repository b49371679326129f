using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Storage;

/// <summary>Time-series storage (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    [Required]
    [ValidateObjectMembers]
    public SqliteStorageOptions Sqlite { get; set; } = new();
}
