using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Ingest.Live;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Simulators.Evaluation;

/// <summary>
/// Runs the whole simulated fleet through <see cref="AlertDetectorPipeline"/> in virtual time: a
/// <see cref="HistoricalScheduler"/> is advanced minute by minute and every reading is delivered at its device time,
/// except during a comms loss, when readings are withheld (and replayed when the link returns, if buffered) and the
/// Last Will is published 90 s after the cut (the broker's keep-alive timeout). No MQTT, no waiting.
/// </summary>
internal static class VirtualFleetRun
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WillDelay = TimeSpan.FromSeconds(90);

    public static List<DetectedSignal> Run(FleetRegistry fleet, EvaluationCampaign campaign, IReadOnlyList<ScheduledFault> faults, AlertsOptions options)
    {
        var start = ChinaTime.StartOfDay(campaign.FirstDay);
        // Run two hours into the next day, so the daily rules judge the last day.
        var end = ChinaTime.StartOfDay(campaign.FirstDay.AddDays(campaign.Days)) + TimeSpan.FromHours(2);
        var scheduler = new HistoricalScheduler(start);
        var weather = new WeatherModel(campaign.Seed, SiteClimate.Jincheng);
        var injector = new ScheduledFaultInjector(faults);
        var comms = faults.Where(f => f.Type == FaultTypes.CommsLoss).ToLookup(f => f.DeviceId, StringComparer.Ordinal);
        var devices = fleet.Devices.Select(d => new SimulatedDevice(d, DeviceSimulatorFactory.Create(d, weather, injector, TimeSpan.FromSeconds(d.CadenceSeconds), campaign.Seed), comms[d.Id].ToList())).ToList();

        using var readings = new Subject<Reading>();
        using var status = new Subject<DeviceStatusChange>();
        var signals = new List<DetectedSignal>();
        using var subscription = AlertDetectorPipeline.Build(readings, status, fleet, options, scheduler)
            .Subscribe(s => signals.Add(new DetectedSignal(s, scheduler.Now)));

        foreach (var d in devices)
        {
            d.Simulator.Start(DeviceRunner.AlignUp(start, d.Cadence));
        }

        for (var t = start; t < end; t += Step)
        {
            scheduler.AdvanceTo(t);
            foreach (var d in devices)
            {
                d.Tick(t, readings, status);
            }
        }

        scheduler.AdvanceTo(end);
        return signals;
    }

    /// <summary>One device in the run: its simulator, its comms-loss windows and the logger's buffer.</summary>
    private sealed class SimulatedDevice(Device device, IDeviceSimulator simulator, List<ScheduledFault> outages)
    {
        private readonly List<Reading> _buffer = [];
        private ScheduledFault? _down;
        private bool _willSent;

        public IDeviceSimulator Simulator { get; } = simulator;

        public TimeSpan Cadence { get; } = TimeSpan.FromSeconds(device.CadenceSeconds);

        public void Tick(DateTimeOffset t, IObserver<Reading> readings, IObserver<DeviceStatusChange> status)
        {
            if (_down is { } down && t >= down.End)
            {
                _down = null;
                status.OnNext(new DeviceStatusChange(device, true, t));
                foreach (var buffered in _buffer)
                {
                    readings.OnNext(buffered);
                }

                _buffer.Clear();
            }

            if (_down is null && outages.FirstOrDefault(o => o.IsActive(t)) is { } outage)
            {
                _down = outage;
                _willSent = false;
            }

            if (_down is { LastWill: true } d && !_willSent && t >= d.Start + WillDelay)
            {
                _willSent = true;
                status.OnNext(new DeviceStatusChange(device, false, t));
            }

            if ((t - DateTimeOffset.UnixEpoch).Ticks % Cadence.Ticks != 0)
            {
                return;
            }

            var reading = Simulator.Next(t);
            if (_down is null)
            {
                readings.OnNext(reading);
            }
            else if (_down.Buffered)
            {
                _buffer.Add(reading);
            }
        }
    }
}
