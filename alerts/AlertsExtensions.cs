using Microsoft.Extensions.Hosting;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts;

/// <summary>Composition of the alerts module.</summary>
public static class AlertsExtensions
{
    /// <summary>Registers fault detectors, the alert lifecycle and notifiers (issue #4).</summary>
    public static IHostApplicationBuilder AddTelemetryAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The lifecycle first: hosted services stop in reverse order, so detection stops before the lifecycle has
        // drained its queue, and no signal raised during shutdown is dropped.
        builder.AddAlertLifecycle();
        builder.AddAlertDetectors();
        return builder;
    }
}
