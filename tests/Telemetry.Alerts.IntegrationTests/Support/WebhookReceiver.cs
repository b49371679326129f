using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>
/// A local HTTP endpoint standing in for the crews' webhook: answers 503 while <see cref="Healthy"/> is false, 200 once
/// it is true, or never answers while <see cref="Hang"/> is set; records every request with the time it arrived.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Url => new(_app.Urls.First() + "/hook");

    private int _inFlight;
    private bool _healthy;
    private bool _hang;

    public bool Healthy { get => Volatile.Read(ref _healthy); set => Volatile.Write(ref _healthy, value); }

    public bool Hang { get => Volatile.Read(ref _hang); set => Volatile.Write(ref _hang, value); }

    /// <summary>The Authorization header of the last request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Requests being held open (hanging).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Every request, in arrival order: when (since start), the JSON body, the status answered.</summary>
    public ConcurrentQueue<(TimeSpan At, JsonElement Body, int Status)> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(bool healthy)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { Healthy = healthy };
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
            receiver.LastAuthorization = context.Request.Headers.Authorization.ToString();
            if (receiver.Hang)
            {
                Interlocked.Increment(ref receiver._inFlight);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                finally
                {
                    Interlocked.Decrement(ref receiver._inFlight);
                }
            }

            var status = receiver.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            receiver.Requests.Enqueue((receiver._clock.Elapsed, body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
