using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Core.Wire;
using Telemetry.Ingest.Api;
using Telemetry.Ingest.Broker;
using Telemetry.Ingest.Fleet;
using Telemetry.Ingest.Live;
using Telemetry.Ingest.Mqtt;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;
using Telemetry.Ingest.Storage.Spool;
using Telemetry.Ingest.Storage.Sqlite;

namespace Telemetry.Ingest.Extensions;

/// <summary>Composition of the fleet registry, storage and ingest modules.</summary>
public static class IngestExtensions
{
    /// <summary>Loads and validates the fleet registry at start (<c>Fleet:Path</c>); a broken file stops the host.</summary>
    public static IHostApplicationBuilder AddFleetRegistry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => FleetRegistryFactory.Load(
            sp.GetRequiredService<IOptions<FleetOptions>>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Telemetry.Fleet")));
        builder.Services.AddHostedService<FleetRegistryStartupCheck>();
        return builder;
    }

    /// <summary>Registers the time-series store chosen by <c>Storage:Provider</c>.</summary>
    public static IHostApplicationBuilder AddTimeSeriesStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, InfluxDbOptionsCheck>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ITimeSeriesStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Sqlite => ActivatorUtilities.CreateInstance<SqliteTimeSeriesStore>(sp),
            StorageProvider.InfluxDB => ActivatorUtilities.CreateInstance<InfluxTimeSeriesStore>(sp),
            var other => throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions),
                [$"Storage:Provider '{other}' is unknown; use Sqlite or InfluxDB"]),
        });
        return builder;
    }

    /// <summary>
    /// Registers the broker (embedded or external, by <c>Broker:Mode</c>), decoding, the batching writer, dead letters,
    /// live state and health checks. Call after <see cref="AddFleetRegistry"/> and <see cref="AddTimeSeriesStorage"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetryIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new TelemetryTopics(sp.GetRequiredService<IOptions<BrokerOptions>>().Value.TopicPrefix));
        services.AddSingleton(sp => new TelemetryDecoder(
            sp.GetRequiredService<FleetRegistry>(),
            sp.GetRequiredService<TelemetryTopics>(),
            sp.GetRequiredService<IOptions<IngestOptions>>().Value.Validation,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestStatistics>();
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<ReadingHub>();
        services.AddSingleton<BrokerAuthenticator>();

        // Hosted services start in this order: store (writer), dead letters, live state, then the broker or client.
        services.AddSingleton<ReadingSpool>();
        services.AddSingleton<RollupTracker>();
        services.AddSingleton(sp => new ReadingWriter(
            sp.GetRequiredService<ITimeSeriesStore>(),
            sp.GetRequiredService<ReadingSpool>(),
            sp.GetRequiredService<RollupTracker>(),
            sp.GetRequiredService<ReadingHub>(),
            sp.GetRequiredService<IngestStatistics>(),
            sp.GetRequiredService<StoreHealth>(),
            sp.GetRequiredService<IOptions<IngestOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReadingWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReadingWriter>());
        services.AddHostedService<RetentionService>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DeadLetterSink>(sp, DeadLetterPublisher(sp)));
        services.AddHostedService(sp => sp.GetRequiredService<DeadLetterSink>());
        services.AddSingleton<FleetLiveState>();
        services.AddSingleton<IFleetLiveState>(sp => sp.GetRequiredService<FleetLiveState>());
        services.AddHostedService(sp => sp.GetRequiredService<FleetLiveState>());
        services.AddSingleton(sp => new IngestPipeline(
            sp.GetRequiredService<TelemetryDecoder>(),
            sp.GetRequiredService<TelemetryTopics>(),
            sp.GetRequiredService<FleetRegistry>(),
            sp.GetRequiredService<ReadingWriter>(),
            sp.GetRequiredService<DeadLetterSink>(),
            sp.GetRequiredService<FleetLiveState>(),
            sp.GetRequiredService<IngestStatistics>()));
        services.AddSingleton<EmbeddedBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddSingleton<MqttIngestClient>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestClient>());
        services.AddSingleton<IBrokerPublisher>(sp => sp.GetRequiredService<IOptions<BrokerOptions>>().Value.Mode == BrokerMode.Embedded
            ? sp.GetRequiredService<EmbeddedBroker>()
            : sp.GetRequiredService<MqttIngestClient>());

        services.AddHealthChecks().AddCheck<IngestHealthCheck>("ingest");
        return builder;
    }

    private static IDeadLetterPublisher DeadLetterPublisher(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<BrokerOptions>>().Value.Mode == BrokerMode.Embedded
            ? new LazyDeadLetterPublisher(() => sp.GetRequiredService<EmbeddedBroker>())
            : new LazyDeadLetterPublisher(() => sp.GetRequiredService<MqttIngestClient>());
}
