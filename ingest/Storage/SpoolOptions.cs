using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Storage;

/// <summary>The on-disk spool that holds readings while the store is failing (configuration section <c>Storage:Spool</c>).</summary>
public sealed class SpoolOptions
{
    /// <summary>Folder of the spool's segment files; relative paths are under the content root.</summary>
    [Required]
    public string Path { get; set; } = "data/spool";

    /// <summary>Most bytes the spool may hold; beyond it the oldest segment is dropped (logged as an error, counted, health Degraded).</summary>
    [Range(1_048_576, long.MaxValue)]
    public long MaxBytes { get; set; } = 1L << 30;
}
