using System.Collections.Concurrent;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Simulators.Faults;

namespace Telemetry.Simulators.Evaluation;

/// <summary>Generates the labelled campaigns, runs each through the detectors in virtual time (in parallel) and scores them.</summary>
internal static class AlertQualityEvaluation
{
    public static QualityReport Run(FleetRegistry fleet, AlertsOptions options, IReadOnlyList<EvaluationCampaign>? campaigns = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(options);
        var list = campaigns ?? EvaluationCampaign.Standard;
        var results = new ConcurrentDictionary<int, (EvaluationCampaign, List<ScheduledFault>, List<DetectedSignal>)>();
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var labels = ScenarioGenerator.Generate(fleet, list[i]);
            var signals = VirtualFleetRun.Run(fleet, list[i], labels, options);
            results[i] = (list[i], labels, signals);
        });
        return QualityScorer.Score([.. results.OrderBy(r => r.Key).Select(r => r.Value)]);
    }
}
