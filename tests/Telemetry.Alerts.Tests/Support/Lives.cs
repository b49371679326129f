using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>
/// Runs the detectors as the host does across restarts: every life is a new subscription of
/// <see cref="AlertDetectorPipeline"/> on the same day-result store; it first gets the replay (the stored readings of the
/// <c>ReplayHours</c> before it started, all at once, as <c>AlertDetectionService</c> feeds them) and then the live
/// readings at their device time (virtual).
/// </summary>
internal static class Lives
{
    public static List<AlertSignal> Run(
        IReadOnlyList<Reading> readings, IDayResultStore? dayResults, IReadOnlyList<DateTimeOffset> restarts, AlertsOptions? options = null)
    {
        options ??= new AlertsOptions();
        var starts = new List<DateTimeOffset> { readings[0].Timestamp };
        starts.AddRange(restarts);
        var signals = new List<AlertSignal>();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : DateTimeOffset.MaxValue;
            var replayFrom = start - TimeSpan.FromHours(options.ReplayHours);
            var scheduler = new HistoricalScheduler(start);
            using var input = new Subject<Reading>();
            using var status = new Subject<DeviceStatusChange>();
            using var subscription = AlertDetectorPipeline.Build(input, status, TestFleet.Registry, options, scheduler, dayResults).Subscribe(signals.Add);
            foreach (var reading in readings.Where(r => r.Timestamp >= replayFrom && r.Timestamp < start))
            {
                input.OnNext(reading);
            }

            foreach (var reading in readings.Where(r => r.Timestamp >= start && r.Timestamp < end))
            {
                scheduler.AdvanceTo(reading.Timestamp);
                input.OnNext(reading);
            }
        }

        return signals;
    }
}
