using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telemetry.Revenue.Plans;

namespace Telemetry.Revenue.Extensions;

/// <summary>Loads the plans at start, so that a broken plans file stops the host with every key and rule at fault.</summary>
internal sealed class RevenueStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<AllocationPlanBook>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
