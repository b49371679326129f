using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telemetry.Core.Fleet;
using Telemetry.Ingest.Live;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage.Spool;

namespace Telemetry.Ingest.Api;

/// <summary>HTTP endpoints of the ingest role: health, statistics, dead letters, live device state and history.</summary>
public static class TelemetryApi
{
    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            // Degraded (store failing, readings held back) still answers 200: the process is alive and not losing data.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        var api = endpoints.MapGroup("/api");
        api.MapGet("/stats", (IngestStatistics stats, StoreHealth store, ReadingSpool spool, IFleetLiveState live, FleetRegistry fleet, IEnumerable<IStatisticsContributor> contributors) =>
        {
            var document = new Dictionary<string, object?>
            {
                ["readingsStored"] = stats.ReadingsStored,
                ["readingsRejected"] = stats.ReadingsRejected,
                ["devicesKnown"] = fleet.Devices.Count,
                ["devicesOnline"] = live.CountOnline(),
                ["readingsStoredByKind"] = stats.ReadingsStoredByKind,
                ["readingsRejectedByReason"] = stats.ReadingsRejectedByReason,
                ["payloadsReceived"] = stats.PayloadsReceived,
                ["batchesWritten"] = stats.BatchesWritten,
                ["storeWriteSeconds"] = Math.Round(stats.StoreWriteSeconds, 3),
                ["storeHealthy"] = store.Healthy,
                ["spooled"] = spool.Readings,
                ["spoolDropped"] = spool.DroppedReadings,
                ["readingsRefusedByStore"] = stats.ReadingsRefusedByStore,
            };
            foreach (var contributor in contributors)
            {
                contributor.Contribute(document);
            }

            return Results.Ok(document);
        });
        api.MapGet("/stats/latency", (IngestStatistics stats) => Results.Ok(new
        {
            bucketMs = 1,
            buckets = stats.Latency.Snapshot(),
            older = stats.Latency.Older,
            ahead = stats.Latency.Ahead,
        }));
        api.MapGet("/deadletters", (DeadLetterSink sink) => Results.Ok(sink.RecentLetters()));
        api.MapGet("/devices", (IFleetLiveState live) => Results.Ok(live.All().Select(DeviceView.From)));
        api.MapGet("/devices/{id}", (string id, IFleetLiveState live, FleetRegistry fleet) =>
            fleet.TryGetDevice(id, out _) ? Results.Ok(DeviceView.From(live.Get(id))) : Results.NotFound(new { error = $"no device '{id}'" }));
        endpoints.MapHistoryApi();
        return endpoints;
    }
}
