using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>
/// TEMPORARY. <c>AddTelemetryIngest</c> creates <see cref="IngestPipeline"/> with <c>ActivatorUtilities</c>, which only
/// sees public constructors, and its constructor is internal: the host cannot start. Until ingest registers it with an
/// explicit factory, the test host registers one that calls the internal constructor. Does nothing once a public
/// constructor exists.
/// </summary>
internal static class IngestPipelineWorkaround
{
    public static void Apply(IServiceCollection services)
    {
        if (typeof(IngestPipeline).GetConstructors().Length > 0)
        {
            return;
        }

        services.AddSingleton(sp =>
        {
            var constructor = typeof(IngestPipeline).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single();
            return (IngestPipeline)constructor.Invoke([.. constructor.GetParameters().Select(p => sp.GetRequiredService(p.ParameterType))]);
        });
    }
}
