using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Notifiers;
using Telemetry.Alerts.Routing;
using Telemetry.Ingest.Api;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>Composition of the alert lifecycle, routing and notifiers.</summary>
public static class AlertLifecycleExtensions
{
    /// <summary>
    /// Registers the alert store (<c>Alerts:DatabasePath</c>), the lifecycle (<see cref="IAlertLifecycle"/>, fed by every
    /// registered <c>IAlertSignalSource</c>), crew routing, the MQTT (<c>Alerts:Mqtt</c>) and webhook
    /// (<c>Alerts:Webhook</c>) notifiers with their delivery loops, the alert counters of <c>/api/stats</c> and an <c>alert-delivery</c> health check (degraded while notifications fail).
    /// Needs the fleet registry and ingest (for the broker) registered too.
    /// </summary>
    public static IHostApplicationBuilder AddAlertLifecycle(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlertLifecycleOptions>().BindConfiguration(AlertLifecycleOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Alerts:DatabasePath must name a file")
            .ValidateOnStart();
        services.AddOptions<MqttAlertOptions>().BindConfiguration(MqttAlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Url is null || (o.Url.IsAbsoluteUri && (o.Url.Scheme == Uri.UriSchemeHttp || o.Url.Scheme == Uri.UriSchemeHttps)), "Alerts:Webhook:Url must be an absolute http or https URL")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<AlertDatabase>();
        services.AddSingleton<AlertRouter>();
        services.AddSingleton<AlertNotificationFactory>();
        services.AddSingleton<AlertChangeHub>();
        services.AddSingleton<SignalCounters>();
        services.AddSingleton<MqttAlertNotifier>();
        services.AddSingleton<WebhookAlertNotifier>();
        services.AddHttpClient(WebhookAlertNotifier.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan); // each attempt has its own timeout
        services.AddSingleton(sp => new DeliveryOutbox(
            sp.GetRequiredService<AlertDatabase>(),
            sp.GetRequiredService<AlertNotificationFactory>(),
            Channels(sp)));
        services.AddSingleton<DeliveryQueries>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertQueries>();

        services.AddSingleton<AlertLifecycle>();
        services.AddSingleton<IAlertLifecycle>(sp => sp.GetRequiredService<AlertLifecycle>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertLifecycle>());
        services.AddHostedService<AlertDeliveryService>();
        services.AddSingleton<IStatisticsContributor, AlertStatisticsContributor>();
        services.AddHealthChecks().AddCheck<AlertDeliveryHealthCheck>("alert-delivery");
        return builder;
    }

    private static List<DeliveryChannel> Channels(IServiceProvider sp)
    {
        var channels = new List<DeliveryChannel>();
        var mqtt = sp.GetRequiredService<IOptions<MqttAlertOptions>>().Value;
        if (mqtt.Enabled)
        {
            channels.Add(new DeliveryChannel(sp.GetRequiredService<MqttAlertNotifier>(), mqtt));
        }

        var webhook = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
        if (webhook.Enabled && webhook.Url is not null)
        {
            channels.Add(new DeliveryChannel(sp.GetRequiredService<WebhookAlertNotifier>(), webhook));
        }

        return channels;
    }
}
