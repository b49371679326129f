using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Ingest.Api;

namespace Telemetry.Alerts.Detection;

/// <summary>Composition of the fault detectors (called from <see cref="AlertsExtensions.AddTelemetryAlerts"/>).</summary>
public static class AlertDetectorsExtensions
{
    /// <summary>
    /// Binds <see cref="AlertsOptions"/> (section <c>Alerts</c>, validated at start), registers
    /// <see cref="IAlertSignalSource"/>, the hosted detection service and the daily rules' memory in the alert database
    /// (<see cref="IDayResultStore"/>, unless one is registered already). Needs the ingest registrations
    /// (<c>AddTelemetryIngest</c>: fleet registry, reading hub, live state, time-series store) and the alert lifecycle's
    /// (<c>AddAlertLifecycle</c>: the alert database).
    /// </summary>
    public static IHostApplicationBuilder AddAlertDetectors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsConsistency>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertSignalHub>();
        services.AddSingleton<DetectionProgress>();
        services.AddSingleton<IStatisticsContributor, DetectionStatisticsContributor>();
        services.AddSingleton<IAlertSignalSource>(sp => sp.GetRequiredService<AlertSignalHub>());
        services.TryAddSingleton<IDayResultStore, SqliteDayResultStore>();

        // The composition root picks the wall clock for silence detection; everything below takes it injected.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AlertDetectionService>(sp, (IScheduler)DefaultScheduler.Instance));
        services.AddHostedService(sp => sp.GetRequiredService<AlertDetectionService>());
        return builder;
    }
}
