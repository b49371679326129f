using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Storage;

/// <summary>How long raw readings are kept and how the long-term daily rollups are maintained (<c>Storage:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Raw readings older than this are deleted (SQLite) or expire (InfluxDB retention policy / bucket).</summary>
    [Range(1, 36_500)]
    public int RawDays { get; set; } = 400;

    /// <summary>How often the daily rollups of recent days are recomputed from the raw readings.</summary>
    [Range(1, 1_440)]
    public int RollupIntervalMinutes { get; set; } = 15;

    /// <summary>How many past days each periodic rollup recomputes (late data older than this is caught by the daily full pass and by tracking).</summary>
    [Range(1, 366)]
    public int RollupLookbackDays { get; set; } = 3;
}
