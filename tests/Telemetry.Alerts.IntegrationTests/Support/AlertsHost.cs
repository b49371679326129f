using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telemetry.Alerts.Api;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Security;
using Telemetry.Ingest.Api;
using Telemetry.Ingest.Extensions;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>
/// The service as <c>portal/Program.cs</c> composes it, without the portal and simulators: fleet registry, SQLite
/// store, embedded broker, ingest, alerts (lifecycle, notifiers) and their HTTP APIs, on loopback ports chosen by the
/// OS, with its data in a folder a restart can reuse. The test plays the detectors through <see cref="Signals"/>.
/// </summary>
internal sealed class AlertsHost : IAsyncDisposable
{
    public const string OpsUser = "ops";
    public const string OpsPassword = "ops-password";
    private static readonly string OpsHash = CredentialHasher.Hash(OpsPassword, 1_000);

    private readonly WebApplication _app;
    private bool _stopped;
    private bool _ownsFolder = true;

    private AlertsHost(WebApplication app, TestSignalSource signals, string folder, int brokerPort)
    {
        _app = app;
        Signals = signals;
        Folder = folder;
        BrokerPort = brokerPort;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public TestSignalSource Signals { get; }

    public string Folder { get; }

    public int BrokerPort { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public IAlertLifecycle Lifecycle => Services.GetRequiredService<IAlertLifecycle>();

    public static async Task<AlertsHost> StartAsync(
        IDictionary<string, string?>? settings = null, string? folder = null, int? brokerPort = null, Action<WebApplicationBuilder>? configure = null)
    {
        folder ??= Directory.CreateTempSubdirectory("telemetry-alerts-").FullName;
        var port = brokerPort ?? FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fleet:Path"] = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"),
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "telemetry.db"),
            ["Storage:Sqlite:Synchronous"] = "Normal",
            ["Broker:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Broker:BindAddress"] = "127.0.0.1",
            ["Broker:Accounts:0:Username"] = OpsUser,
            ["Broker:Accounts:0:PasswordHash"] = OpsHash,
            ["Ingest:DeadLetterPath"] = "",
            ["Alerts:DatabasePath"] = Path.Combine(folder, "alerts.db"),
            ["Alerts:DetectorsEnabled"] = "false", // the test plays the detectors; the end-to-end test turns them on
            ["Alerts:Mqtt:InitialBackoff"] = "00:00:00.100",
            ["Alerts:Mqtt:MaxBackoff"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var signals = new TestSignalSource();
        builder.Services.AddSingleton<IAlertSignalSource>(signals);
        builder.AddFleetRegistry();
        builder.AddTimeSeriesStorage();
        builder.AddTelemetryIngest();
        builder.AddTelemetryAlerts();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapTelemetryApi();
        app.MapAlertsApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            signals.Dispose();
            throw;
        }

        return new AlertsHost(app, signals, folder, port);
    }

    /// <summary>Starts the service again on the same data folder and broker port (a restart).</summary>
    public async Task<AlertsHost> RestartAsync(IDictionary<string, string?>? settings = null)
    {
        await StopAsync();
        _ownsFolder = false;
        return await StartAsync(settings, Folder, BrokerPort);
    }

    /// <summary>Waits until the lifecycle has handled everything emitted so far (a command queues behind the signals).</summary>
    public async Task SettleAsync()
    {
        await Lifecycle.CommentAsync(long.MaxValue, "test", "barrier", CancellationToken.None);
    }

    public async Task<Dictionary<string, System.Text.Json.JsonElement>> StatsAsync() =>
        (await Http.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(new Uri("/api/stats", UriKind.Relative)))!;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold a file a moment longer on a loaded machine; it is in the temp directory anyway.
        }
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Signals.Dispose();
    }
}
