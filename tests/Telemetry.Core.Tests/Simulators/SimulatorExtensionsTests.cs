using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemetry.Simulators;

namespace Telemetry.Core.Tests.Simulators;

public sealed class SimulatorExtensionsTests
{
    [Fact]
    public void AddTelemetrySimulators_Disabled_RegistersNoHostedService()
    {
        using var host = Build(new() { ["Simulators:Enabled"] = "false" });

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Namespace!.StartsWith("Telemetry", StringComparison.Ordinal));
    }

    [Fact]
    public void AddTelemetrySimulators_Enabled_RegistersTheSimulatorServiceAndResolvesBrokerDefaults()
    {
        using var host = Build(new() { ["Broker:Port"] = "18883", ["Broker:TopicPrefix"] = "demo/" });

        var options = host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "SimulatorService");
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(18883, options.Port);
        Assert.Equal("demo/", options.TopicPrefix);
        Assert.Equal(6, options.BackfillHours);
        Assert.Equal(1, options.Speed);
    }

    [Theory]
    [InlineData("Simulators:TopicPrefix", "demo", "TopicPrefix")]
    [InlineData("Simulators:Speed", "0.5", "Speed")]
    [InlineData("Simulators:Port", "70000", "Port")]
    public void Options_InvalidValue_FailsValidationNamingTheKey(string key, string value, string name)
    {
        using var host = Build(new() { [key] = value, ["Simulators:Enabled"] = "false" });

        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TestFleet.SampleFleet);
        builder.AddTelemetrySimulators();
        return builder.Build();
    }
}
