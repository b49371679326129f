using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Extensions;
using Telemetry.Simulators;
using Telemetry.Simulators.Devices;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>The device simulators of the whole Jincheng fleet in their own host, publishing to a broker like real devices.</summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private SimulatorHost(IHost host) => _host = host;

    public SimulatorService Service => _host.Services.GetRequiredService<SimulatorService>();

    public static async Task<SimulatorHost> StartAsync(int port, double backfillHours)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fleet:Path"] = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"),
            ["Simulators:Host"] = "127.0.0.1",
            ["Simulators:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Simulators:BackfillHours"] = backfillHours.ToString(CultureInfo.InvariantCulture),
            ["Simulators:RequireSubscribers"] = "true",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleetRegistry();
        builder.AddTelemetrySimulators();
        var host = builder.Build();
        await host.StartAsync();
        return new SimulatorHost(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
