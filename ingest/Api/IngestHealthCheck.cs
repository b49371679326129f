using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Broker;
using Telemetry.Ingest.Mqtt;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Api;

/// <summary>Healthy when the broker (or the connection to it) is up and the store accepts writes.</summary>
internal sealed class IngestHealthCheck(IOptions<BrokerOptions> options, EmbeddedBroker broker, MqttIngestClient client, StoreHealth store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var embedded = options.Value.Mode == BrokerMode.Embedded;
        var brokerUp = embedded ? broker.IsRunning : client.IsConnected;
        var data = new Dictionary<string, object> { ["broker"] = embedded ? "embedded" : "external", ["brokerUp"] = brokerUp, ["storeHealthy"] = store.Healthy };
        if (!brokerUp)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(embedded ? "embedded broker is not running" : "not connected to the MQTT broker", data: data));
        }

        return Task.FromResult(store.Healthy
            ? HealthCheckResult.Healthy("ingesting", data)
            : HealthCheckResult.Degraded($"store failing since {store.FailingSince:O}: {store.LastError}", data: data));
    }
}
