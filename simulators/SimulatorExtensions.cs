using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;

namespace Telemetry.Simulators;

/// <summary>Composition of the device simulators.</summary>
public static class SimulatorExtensions
{
    /// <summary>
    /// Binds <see cref="SimulatorOptions"/> (section <c>Simulators</c>, validated at start) and, unless
    /// <c>Simulators:Enabled</c> is false, registers the hosted service that runs every device of the registered
    /// <see cref="Core.Fleet.FleetRegistry"/>. Register the broker first so that it starts first.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetrySimulators(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                o.Host ??= "127.0.0.1";
                o.Port ??= configuration.GetValue<int?>("Broker:Port") ?? 1883;
                o.TopicPrefix ??= configuration["Broker:TopicPrefix"] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (!builder.Configuration.GetValue(SimulatorOptions.SectionName + ":" + nameof(SimulatorOptions.Enabled), true))
        {
            return builder;
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ScheduledFaultInjector>();
        builder.Services.TryAddSingleton<IFaultInjector>(sp => sp.GetRequiredService<ScheduledFaultInjector>());
        builder.Services.AddSingleton<SimulatorService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorService>());
        return builder;
    }
}
