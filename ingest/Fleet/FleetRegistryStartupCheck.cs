using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Telemetry.Ingest.Fleet;

/// <summary>Loads the registry when the host starts, so a broken file stops the host at once with the key and reason.</summary>
internal sealed class FleetRegistryStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<Core.Fleet.FleetRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
