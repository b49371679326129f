using System.Text;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using Task = System.Threading.Tasks.Task;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// InfluxDB 2.x and 3.x: writes through InfluxDB.Client's <see cref="WriteApiAsync"/> (<c>/api/v2/write</c>, token, org,
/// bucket, ms precision, gzip). On 2.x both buckets are created at start through the buckets API if missing (raw with the raw
/// retention period, rollups forever); 3.x has no buckets API and creates databases on first write. Queries read the buckets
/// through their DBRP mapping (<c>db</c> = bucket name).
/// </summary>
/// <remarks>
/// The client's batching <c>WriteApi</c> reports outcomes only through events, which cannot tell the MQTT acknowledgement
/// which readings are safe. The service's group-commit writer already batches, so each batch is one awaited
/// <see cref="WriteApiAsync.WriteRecordAsync"/> call, retried by <see cref="InfluxRetryPolicy"/>.
/// </remarks>
internal sealed class InfluxV2Sink : IInfluxLineSink
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _write;
    private readonly InfluxDbStorageOptions _options;
    private readonly RetentionOptions _retention;

    public InfluxV2Sink(InfluxDbStorageOptions options, RetentionOptions retention)
    {
        _options = options;
        _retention = retention;
        _client = new InfluxDBClient(new InfluxDBClientOptions(options.Url)
        {
            Token = options.Token,
            Org = options.Org,
            Bucket = options.Bucket,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        });
        if (options.UseGzip)
        {
            _client.EnableGzip();
        }

        _write = _client.GetWriteApiAsync();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_options.Version >= 3)
        {
            return;
        }

        var buckets = _client.GetBucketsApi();
        string? orgId = null;
        foreach (var (name, seconds) in new[] { (_options.Bucket, (long?)_retention.RawDays * 86_400), (_options.RollupBucket, null) })
        {
            if (await buckets.FindBucketByNameAsync(name, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            orgId ??= (await _client.GetOrganizationsApi().FindOrganizationsAsync(org: _options.Org, cancellationToken: cancellationToken).ConfigureAwait(false))
                .FirstOrDefault()?.Id ?? throw new InvalidOperationException($"Storage:InfluxDB:Org '{_options.Org}' does not exist on {_options.Url}");
            var rules = seconds is { } s ? new BucketRetentionRules(BucketRetentionRules.TypeEnum.Expire, s) : null;
            await buckets.CreateBucketAsync(new PostBucketRequest(orgId, name, retentionRules: rules is null ? [] : [rules]), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(StringBuilder lines, InfluxTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await _write.WriteRecordAsync(lines.ToString(), WritePrecision.Ms, QueryTarget(target).Database, _options.Org, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpException e)
        {
            var retryAfter = e.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            throw new InfluxWriteException(e.Status, retryAfter, $"InfluxDB /api/v2/write answered {e.Status}: {e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InfluxWriteException(null, null, $"InfluxDB /api/v2/write failed: {e.Message}", e);
        }
    }

    public (string Database, string? RetentionPolicy) QueryTarget(InfluxTarget target) =>
        (target == InfluxTarget.Raw ? _options.Bucket : _options.RollupBucket, null);

    public void Dispose() => _client.Dispose();
}
