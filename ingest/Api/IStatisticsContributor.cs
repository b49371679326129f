namespace Telemetry.Ingest.Api;

/// <summary>Lets other modules (alerts, revenue) add their counters to <c>GET /api/stats</c> without ingest knowing them.</summary>
public interface IStatisticsContributor
{
    /// <summary>Adds named values (camelCase keys) to the statistics document.</summary>
    void Contribute(IDictionary<string, object?> statistics);
}
