using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>The per-station PV rules, composed over one station's events (the daily rules run per county).</summary>
internal static class PvDetectors
{
    public static IObservable<AlertSignal> Detect(Station station, IObservable<DeviceInput> input, AlertsOptions options, IScheduler scheduler) =>
        input.Publish(shared =>
        {
            var o = options.Pv;
            var readings = shared.Where(i => i.Reading is PvReading).Select(i => (PvReading)i.Reading!).Publish().RefCount();
            return Observable.Merge(
                OfflineRule.Detect(station, shared, options.Offline, scheduler),
                ZeroOutputRule.Detect(station, readings, o.ZeroOutput),
                FaultCodeRule.Detect(station, readings, TimeSpan.FromMinutes(o.FaultClearAfterMinutes)),
                GridRules.Voltage(station, readings, o.Grid),
                GridRules.Frequency(station, readings, o.Grid),
                OverTemperatureRule.Detect(station, readings, o.OverTemperature),
                MeterRules.Backwards(station, readings, o.Meter),
                MeterRules.Frozen(station, readings, o.Meter));
        });
}
