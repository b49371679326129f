using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// InfluxQL over <c>/query</c>, which 1.x, 2.x (DBRP mapping of a bucket) and 3.x all serve, with <c>epoch=ms</c>.
/// Authenticates with <c>Authorization: Token …</c> (2.x/3.x) or Basic (1.x).
/// </summary>
/// <remarks>
/// On 1.x reads go by POST with the statements in a form body: a request of 100 statements (the bulk reads) makes a URL
/// of ~20–30 KB, which influxd takes but a reverse proxy in front of it usually refuses (nginx answers 414 above 8 KB by
/// default). 1.x runs any statement sent by POST. The 2.x/3.x compatibility endpoint is documented for GET (POST only
/// from 2.9), so reads there stay GET.
/// </remarks>
internal sealed class InfluxQueryClient(HttpClient http, AuthenticationHeaderValue? authorization, bool readsByPost)
{
    public HttpClient Http { get; } = http;

    public AuthenticationHeaderValue? Authorization { get; } = authorization;

    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string database, string? retentionPolicy, string query, CancellationToken cancellationToken)
    {
        var uri = new StringBuilder("query?epoch=ms&db=").Append(Uri.EscapeDataString(database));
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            uri.Append("&rp=").Append(Uri.EscapeDataString(retentionPolicy));
        }

        using var request = readsByPost
            ? FormPost(uri.ToString(), query)
            : new HttpRequestMessage(HttpMethod.Get, uri.Append("&q=").Append(Uri.EscapeDataString(query)).ToString());
        return await SendAsync(request, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a statement that changes the server (CREATE DATABASE …), which 1.x accepts only by POST.</summary>
    public async Task ExecuteAsync(string query, CancellationToken cancellationToken)
    {
        using var request = FormPost("query", query);
        await SendAsync(request, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A POST to <paramref name="uri"/> with the statements in a form body (<c>q=…</c>).</summary>
    private static HttpRequestMessage FormPost(string uri, string query) => new(HttpMethod.Post, uri)
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", query)]),
    };

    private async Task<IReadOnlyList<InfluxSeries>> SendAsync(HttpRequestMessage request, string query, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = Authorization;
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"InfluxDB /query answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)} (query: {query})", null, response.StatusCode);
        }

        return Parse(body, query);
    }

    internal static IReadOnlyList<InfluxSeries> Parse(byte[] body, string query)
    {
        // One copy of the whole answer that outlives the parse buffers; rows then point into it without a copy per value.
        JsonElement root;
        using (var document = JsonDocument.Parse(body))
        {
            root = document.RootElement.Clone();
        }

        var result = new List<InfluxSeries>();
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InvalidOperationException($"InfluxDB query failed: {topError.GetString()} (query: {query})");
        }

        foreach (var statement in root.GetProperty("results").EnumerateArray())
        {
            if (statement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxDB query failed: {error.GetString()} (query: {query})");
            }

            if (statement.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True)
            {
                throw new InvalidOperationException($"InfluxDB truncated the answer (raise [http] max-row-limit or narrow the range) (query: {query})");
            }

            var statementId = statement.TryGetProperty("statement_id", out var id) && id.TryGetInt32(out var n) ? n : 0;
            if (!statement.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var s in series.EnumerateArray())
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                if (s.TryGetProperty("tags", out var tagObject))
                {
                    foreach (var tag in tagObject.EnumerateObject())
                    {
                        tags[tag.Name] = tag.Value.GetString() ?? "";
                    }
                }

                var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
                var rows = new List<JsonElement[]>();
                if (s.TryGetProperty("values", out var values))
                {
                    foreach (var row in values.EnumerateArray())
                    {
                        var cells = new JsonElement[row.GetArrayLength()];
                        var i = 0;
                        foreach (var cell in row.EnumerateArray())
                        {
                            cells[i++] = cell;
                        }

                        rows.Add(cells);
                    }
                }

                result.Add(new InfluxSeries(s.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "", tags, columns, rows, statementId));
            }
        }

        return result;
    }
}
