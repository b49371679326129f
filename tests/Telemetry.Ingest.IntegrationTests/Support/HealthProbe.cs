using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Telemetry.Ingest.IntegrationTests.Support;

internal static class HealthProbe
{
    public static async Task<string> GetHealthAsync(this IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status.ToString();
}
