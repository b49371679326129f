using Microsoft.Extensions.Hosting;

namespace Telemetry.Simulators;

/// <summary>Placeholder until the simulators land (replaced by the simulators branch).</summary>
public static class SimulatorExtensions
{
    public static IHostApplicationBuilder AddTelemetrySimulators(this IHostApplicationBuilder builder) => builder;
}
