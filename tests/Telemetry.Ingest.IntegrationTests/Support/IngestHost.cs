using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Extensions;
using Telemetry.Ingest.Live;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>The ingest role (registry, store, broker or client, writer) in a generic host, on a temp folder.</summary>
internal sealed class IngestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly bool _ownsFolder;

    private IngestHost(IHost host, string folder, bool ownsFolder)
    {
        _host = host;
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }

    public IServiceProvider Services => _host.Services;

    public ITimeSeriesStore Store => Services.GetRequiredService<ITimeSeriesStore>();

    public IngestStatistics Statistics => Services.GetRequiredService<IngestStatistics>();

    public IFleetLiveState Live => Services.GetRequiredService<IFleetLiveState>();

    public FleetRegistry Fleet => Services.GetRequiredService<FleetRegistry>();

    public static async Task<IngestHost> StartAsync(IDictionary<string, string?> settings, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("telemetry-ingest-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fleet:Path"] = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"),
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "telemetry.db"),
            ["Storage:Sqlite:Synchronous"] = "Normal",
            ["Broker:BindAddress"] = "127.0.0.1",
            ["Ingest:DeadLetterPath"] = Path.Combine(folder, "deadletter.jsonl"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleetRegistry();
        builder.AddTimeSeriesStorage();
        builder.AddTelemetryIngest();
        var host = builder.Build();
        await host.StartAsync();
        return new IngestHost(host, folder, ownsFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_ownsFolder)
        {
            // Its database, spool and dead letters (540 of these folders, 84 MB, were left in /tmp by test runs).
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // a file still open; a leftover temp folder is harmless
            }
        }
    }
}
