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
    // Reused between writes (one write at a time per target): a batch is about a megabyte, which would otherwise be a fresh
    // large-object-heap string, byte array and gzip buffer every time.
    private readonly MemoryStream _utf8 = new();
    private readonly MemoryStream _gzip = new();
    private readonly Lock _bufferLock = new();

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

    public async Task WriteAsync(StringBuilder lines, InfluxTarget target, CancellationToken cancellationToken)
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
        _utf8.Dispose();
        _gzip.Dispose();
    }

    private HttpContent Body(StringBuilder lines)
    {
        lock (_bufferLock)
        {
            _utf8.SetLength(0);
            var encoder = Encoding.UTF8.GetEncoder();
            Span<byte> buffer = stackalloc byte[4096];
            foreach (var chunk in lines.GetChunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    encoder.Convert(chars, buffer, flush: false, out var used, out var written, out _);
                    _utf8.Write(buffer[..written]);
                    chars = chars[used..];
                }
            }

            encoder.Convert([], buffer, flush: true, out _, out var tail, out _);
            _utf8.Write(buffer[..tail]);
            var source = _utf8;
            if (options.UseGzip)
            {
                _gzip.SetLength(0);
                using (var gzip = new GZipStream(_gzip, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(_utf8.GetBuffer(), 0, (int)_utf8.Length);
                }

                source = _gzip;
            }

            // A copy: the request may still be read after a timeout while the next write refills the buffers.
            var content = new ByteArrayContent(source.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            if (options.UseGzip)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            return content;
        }
    }
}
