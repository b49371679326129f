using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Storage;

/// <summary>
/// The InfluxDB store (configuration section <c>Storage:InfluxDB</c>). Reads are InfluxQL over <c>/query</c> for every
/// version. Version 2 and 3 write through InfluxDB.Client to <c>/api/v2/write</c> with a token, org and bucket; version 1
/// writes to <c>/write</c> with database, retention policy and optional user/password.
/// </summary>
public sealed class InfluxDbStorageOptions
{
    /// <summary>Base URL of the server, e.g. <c>http://influxdb:8086</c>.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://localhost:8086";

    /// <summary>Server major version: 1 (1.x), 2 (2.x, the default) or 3 (3.x, which creates databases on first write and has no buckets API).</summary>
    [Range(1, 3)]
    public int Version { get; set; } = 2;

    /// <summary>2.x/3.x: API token with write access to both buckets (and bucket creation on 2.x).</summary>
    public string? Token { get; set; }

    /// <summary>2.x/3.x: organisation name.</summary>
    public string? Org { get; set; }

    /// <summary>2.x/3.x: bucket of raw readings, created at start if missing with the raw retention period.</summary>
    public string Bucket { get; set; } = "telemetry";

    /// <summary>2.x/3.x: bucket of the daily meter rollups, kept forever; created at start if missing.</summary>
    public string RollupBucket { get; set; } = "telemetry_rollups";

    /// <summary>1.x: database, created at start if missing.</summary>
    public string Database { get; set; } = "telemetry";

    /// <summary>1.x: retention policy of raw readings, created (or altered) at start to the raw retention period.</summary>
    public string RetentionPolicy { get; set; } = "raw";

    /// <summary>1.x: retention policy of the daily meter rollups, created at start with an infinite duration.</summary>
    public string RollupRetentionPolicy { get; set; } = "rollups";

    /// <summary>1.x: user name, when the server has authentication enabled.</summary>
    public string? Username { get; set; }

    /// <summary>1.x: password.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Gzip the bodies of writes. Unset means on for 2.x/3.x (usually across a network) and off for 1.x; on the same host
    /// gzip costs about a quarter of the write rate (docs/benchmarks.md).
    /// </summary>
    public bool? Gzip { get; set; }

    /// <summary>Whether writes are gzipped: <see cref="Gzip"/>, or its default for the server version.</summary>
    public bool UseGzip => Gzip ?? Version >= 2;

    /// <summary>Attempts after the first for a write that failed with 429, 5xx or a network error; then the batch goes to the spool.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay when the server sends no <c>Retry-After</c>; doubles (with jitter) per attempt.</summary>
    [Range(10, 60_000)]
    public int RetryDelayMs { get; set; } = 200;

    /// <summary>Longest wait before a retry, also for a server's <c>Retry-After</c>; a longer <c>Retry-After</c> sends the batch to the spool at once.</summary>
    [Range(100, 600_000)]
    public int MaxRetryDelayMs { get; set; } = 5_000;

    /// <summary>HTTP timeout of one request, seconds.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;
}
