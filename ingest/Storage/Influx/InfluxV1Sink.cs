using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// InfluxDB 1.x: writes go to <c>/write?db&amp;rp&amp;precision=ms</c> (gzip optional), setup is InfluxQL DDL: the database, the
/// raw retention policy (made default, its duration kept equal to <c>Storage:Retention:RawDays</c>) and an infinite one for rollups.
/// </summary>
internal sealed class InfluxV1Sink(HttpClient http, InfluxQueryClient query, InfluxDbStorageOptions options, RetentionOptions retention) : IInfluxLineSink
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var db = InfluxQl.Identifier(options.Database);
        await query.ExecuteAsync($"CREATE DATABASE {db}", cancellationToken).ConfigureAwait(false);
        var existing = (await query.QueryAsync(options.Database, null, $"SHOW RETENTION POLICIES ON {db}", cancellationToken).ConfigureAwait(false))
            .SelectMany(s => s.Rows.Select(r => r[0].GetString())).ToHashSet(StringComparer.Ordinal);
        var raw = $"{InfluxQl.Identifier(options.RetentionPolicy)} ON {db} DURATION {retention.RawDays.ToString(CultureInfo.InvariantCulture)}d REPLICATION 1 DEFAULT";
        await query.ExecuteAsync((existing.Contains(options.RetentionPolicy) ? "ALTER" : "CREATE") + " RETENTION POLICY " + raw, cancellationToken).ConfigureAwait(false);
        if (!existing.Contains(options.RollupRetentionPolicy))
        {
            await query.ExecuteAsync($"CREATE RETENTION POLICY {InfluxQl.Identifier(options.RollupRetentionPolicy)} ON {db} DURATION INF REPLICATION 1", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(string lines, InfluxTarget target, CancellationToken cancellationToken)
    {
        var (database, rp) = QueryTarget(target);
        var uri = $"write?precision=ms&db={Uri.EscapeDataString(database)}&rp={Uri.EscapeDataString(rp!)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Body(lines) };
        request.Headers.Authorization = query.Authorization;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InfluxWriteException(null, null, $"InfluxDB /write failed: {e.Message}", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            throw new InfluxWriteException((int)response.StatusCode, retryAfter, $"InfluxDB /write answered {(int)response.StatusCode}: {error.Trim()}");
        }
    }

    public (string Database, string? RetentionPolicy) QueryTarget(InfluxTarget target) =>
        (options.Database, target == InfluxTarget.Raw ? options.RetentionPolicy : options.RollupRetentionPolicy);

    public void Dispose()
    {
        // The HttpClient belongs to the store.
    }

    private HttpContent Body(string lines)
    {
        var bytes = Encoding.UTF8.GetBytes(lines);
        if (!options.Gzip)
        {
            return new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" } } };
        }

        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
