using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// Degraded while alert notifications are failing (retrying, or given up and waiting for someone to retry them), so a
/// crew that stopped getting alerts shows on <c>/healthz</c> and not only on the board.
/// </summary>
internal sealed class AlertDeliveryHealthCheck(DeliveryOutbox outbox, DeliveryQueries queries) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = queries.Counts(outbox.Channels.Select(c => c.Name));
        var data = counts.ToDictionary(p => p.Key, p => (object)$"pending {p.Value.Pending}, failing {p.Value.Failing}, failed {p.Value.Failed}");
        var failing = counts.Where(p => p.Value.Failing + p.Value.Failed > 0).Select(p => $"{p.Key}: {p.Value.Failing} retrying, {p.Value.Failed} given up").ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("alert notifications delivered", data)
            : HealthCheckResult.Degraded("alert notifications failing — " + string.Join("; ", failing), data: data));
    }
}
