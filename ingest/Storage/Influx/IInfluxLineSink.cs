using System.Text;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>The version-specific half of the InfluxDB adapter: setup and one write attempt. Reads are the same for all versions.</summary>
internal interface IInfluxLineSink : IDisposable
{
    /// <summary>Creates the database/buckets and retention if missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One attempt to write ms-precision line protocol; throws <see cref="InfluxWriteException"/> when not accepted. The builder
    /// is not changed, so a retry sends the same lines.
    /// </summary>
    Task WriteAsync(StringBuilder lines, InfluxTarget target, CancellationToken cancellationToken);

    /// <summary>The <c>db</c> and <c>rp</c> parameters of <c>/query</c> that read a target.</summary>
    (string Database, string? RetentionPolicy) QueryTarget(InfluxTarget target);
}
