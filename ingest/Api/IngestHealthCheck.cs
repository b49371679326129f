using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Broker;
using Telemetry.Ingest.Mqtt;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage.Spool;

namespace Telemetry.Ingest.Api;

/// <summary>Healthy when the broker (or the connection to it) is up and the store accepts writes.</summary>
internal sealed class IngestHealthCheck(
    IOptions<BrokerOptions> options, EmbeddedBroker broker, MqttIngestClient client, StoreHealth store, ReadingSpool spool, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var embedded = options.Value.Mode == BrokerMode.Embedded;
        var brokerUp = embedded ? broker.IsRunning : client.IsConnected;
        var data = new Dictionary<string, object>
        {
            ["broker"] = embedded ? "embedded" : "external",
            ["brokerUp"] = brokerUp,
            ["storeHealthy"] = store.Healthy,
            ["spooled"] = spool.Readings,
            ["spoolDropped"] = spool.DroppedReadings,
        };
        if (!brokerUp)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(embedded ? "embedded broker is not running" : "not connected to the MQTT broker", data: data));
        }

        if (spool.LastDrop is { } dropped && time.GetUtcNow() - dropped < TimeSpan.FromDays(1))
        {
            return Task.FromResult(HealthCheckResult.Degraded($"spool full: {spool.DroppedReadings} readings dropped, the last at {dropped:O}", data: data));
        }

        if (!store.Healthy)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"store failing since {store.FailingSince:O}: {store.LastError}; {spool.Readings} readings spooled", data: data));
        }

        return Task.FromResult(spool.IsEmpty
            ? HealthCheckResult.Healthy("ingesting", data)
            : HealthCheckResult.Degraded($"replaying {spool.Readings} spooled readings", data: data));
    }
}
