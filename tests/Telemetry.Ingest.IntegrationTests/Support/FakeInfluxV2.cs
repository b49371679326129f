using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>
/// A loopback HTTP endpoint that answers like InfluxDB 2.x's setup and write APIs and records every request (method, path and
/// query, headers, body un-gzipped). Writes are answered from a script (status, Retry-After), then 204.
/// </summary>
internal sealed class FakeInfluxV2 : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, int? RetryAfter)> _writeScript = new();

    private FakeInfluxV2(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public IEnumerable<RecordedRequest> Writes => Requests.Where(r => r.Path == "/api/v2/write");

    public static async Task<FakeInfluxV2> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeInfluxV2(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public void ScriptWrites(params (int Status, int? RetryAfter)[] answers)
    {
        foreach (var answer in answers)
        {
            _writeScript.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (request.Headers.ContentEncoding.ToString() == "gzip")
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain);
            body = plain.ToArray();
        }

        Requests.Enqueue(new RecordedRequest(
            DateTimeOffset.UtcNow, request.Method, request.Path, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetString(body)));

        var response = context.Response;
        switch (request.Method, request.Path.Value)
        {
            case ("POST", "/api/v2/write"):
                var (status, retryAfter) = _writeScript.TryDequeue(out var next) ? next : (204, null);
                response.StatusCode = status;
                if (retryAfter is { } seconds)
                {
                    response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (status != 204)
                {
                    await Json(response, $$"""{"code":"{{(status == 429 ? "too many requests" : "unavailable")}}","message":"scripted {{status}}"}""");
                }

                break;
            case ("GET", "/api/v2/buckets"):
                await Json(response, """{"buckets":[]}""");
                break;
            case ("GET", "/api/v2/orgs"):
                await Json(response, """{"orgs":[{"id":"0a1b2c3d4e5f6a7b","name":"jincheng","status":"active"}]}""");
                break;
            case ("POST", "/api/v2/buckets"):
                response.StatusCode = 201;
                await Json(response, """{"id":"1a1b2c3d4e5f6a7b","orgID":"0a1b2c3d4e5f6a7b","name":"created","retentionRules":[]}""");
                break;
            case ("GET", "/query"):
                await Json(response, """{"results":[{"statement_id":0}]}""");
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    private static Task Json(HttpResponse response, string json)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(json);
    }
}
