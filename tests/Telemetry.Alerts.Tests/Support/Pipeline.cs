using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>Runs <see cref="AlertDetectorPipeline"/> in virtual time; each reading arrives at its device time unless given an arrival.</summary>
internal static class Pipeline
{
    public static List<Recorded<AlertSignal>> Run(
        IEnumerable<Reading> readings, AlertsOptions? options = null, FleetRegistry? fleet = null, IEnumerable<(DateTimeOffset At, Reading Reading)>? late = null,
        IEnumerable<DeviceStatusChange>? status = null, DateTimeOffset? until = null)
    {
        var list = readings.ToList();
        var start = list.Count > 0 ? list.Min(r => r.Timestamp) : Read.Day;
        var scheduler = new HistoricalScheduler(start);
        using var input = new Subject<Reading>();
        using var statuses = new Subject<DeviceStatusChange>();
        var output = new List<Recorded<AlertSignal>>();
        using var subscription = AlertDetectorPipeline.Build(input, statuses, fleet ?? TestFleet.Registry, options ?? new AlertsOptions(), scheduler)
            .Subscribe(s => output.Add(new Recorded<AlertSignal>(scheduler.Now, s)));
        var end = start;
        foreach (var (at, reading) in list.Select(r => (r.Timestamp, r)).Concat(late ?? []))
        {
            scheduler.ScheduleAbsolute(at, () => input.OnNext(reading));
            end = at > end ? at : end;
        }

        foreach (var s in status ?? [])
        {
            scheduler.ScheduleAbsolute(s.ReceivedAt, () => statuses.OnNext(s));
        }

        scheduler.AdvanceTo(until ?? end.AddMinutes(1));
        return output;
    }

    public static List<AlertSignal> Of(this List<Recorded<AlertSignal>> output, string rule) => [.. output.Select(o => o.Value).Where(s => s.Rule == rule)];
}
