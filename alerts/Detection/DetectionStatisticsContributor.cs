using Telemetry.Ingest.Api;

namespace Telemetry.Alerts.Detection;

/// <summary>Adds <c>alertDetection</c> to <c>/api/stats</c>: readings queued for the detectors, judged, and the backlog.</summary>
internal sealed class DetectionStatisticsContributor(DetectionProgress progress) : IStatisticsContributor
{
    public void Contribute(IDictionary<string, object?> statistics) => statistics["alertDetection"] = new Dictionary<string, long>
    {
        ["readingsQueued"] = progress.Queued,
        ["readingsJudged"] = progress.Judged,
        ["backlog"] = progress.Backlog,
    };
}
