using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Alerts.Detectors;

/// <summary>
/// All fault detectors of the fleet as one stream: readings and status messages in, <see cref="AlertSignal"/>
/// transitions (raise, escalate, clear) out — never one signal per reading.
/// </summary>
public static class AlertDetectorPipeline
{
    /// <summary>
    /// Builds the detectors: per device (grouped by device), the PV or barn rules for its kind; per county, the daily
    /// peer and clear-sky comparison of its stations.
    /// </summary>
    /// <param name="readings">Stored readings, any devices, in storage order (e.g. <c>ReadingHub.Batches</c> flattened).
    /// Each device's readings are put in device-time order first: duplicates and older readings are dropped.</param>
    /// <param name="status">Status messages (<c>online</c> / Last Will <c>offline</c>).</param>
    /// <param name="fleet">The registry the readings' devices come from.</param>
    /// <param name="options">Thresholds and durations.</param>
    /// <param name="scheduler">The wall clock; only offline/silence detection uses it.</param>
    /// <param name="dayResults">Where the daily underperformance rules record each closed day and, at subscription, what
    /// they continue from; null keeps their day counts in memory only (they then start from zero on every subscription).</param>
    /// <remarks>
    /// Timing: every rule except offline judges device time, so a replay of stored or buffered data rebuilds exactly
    /// the state (and pending durations) it had. Signals come synchronously on the thread that delivers the reading,
    /// or on <paramref name="scheduler"/> for offline. The two inputs may be called from different threads (they are
    /// merged, which serialises them). Cold: each subscription has its own state, and loads the daily rules' day counts
    /// from <paramref name="dayResults"/> when it subscribes; days recorded there as closed are not judged again.
    /// </remarks>
    public static IObservable<AlertSignal> Build(
        IObservable<Reading> readings, IObservable<DeviceStatusChange> status, FleetRegistry fleet, AlertsOptions options, IScheduler scheduler,
        IDayResultStore? dayResults = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!options.DetectorsEnabled)
        {
            return Observable.Never<AlertSignal>();
        }

        var minClearSky = options.Pv.ZeroOutput.MinClearSkyFraction;
        return readings.InDeviceOrder(fleet.Devices.Count).Publish(ordered =>
        {
            var memory = DayMemory.Load(dayResults);
            var inputs = Observable.Merge(
                ordered.Select(r => new DeviceInput(r.Device, r, Liveness.Reading)),
                status.Select(s => new DeviceInput(s.Device, null, s.Online ? Liveness.Online : Liveness.Offline)));
            var perDevice = DeviceDetectors.Detect(inputs, fleet.Devices.Count, options, scheduler);
            var daily = ordered
                .OfType<PvReading>()
                .GroupBy(r => r.Device.Village.County)
                .SelectMany(g => DailyYieldDetector.Detect(g.Key.Id, g, options.Pv.Underperformance, minClearSky, memory));
            return perDevice.Merge(daily);
        });
    }
}
