using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// The detectors' output in the host: every <see cref="AlertSignal"/> transition (raise, escalate, clear), hot, on the
/// detection thread. The alert lifecycle subscribes here (in its constructor or <c>StartAsync</c>: detection replays
/// stored readings only once the application has started, so no replayed signal is missed).
/// </summary>
/// <remarks>
/// After a restart the replay re-emits raises for conditions that were already open; the lifecycle de-duplicates them
/// (one open alert per device and rule). A subscriber that throws is logged and does not stop detection.
/// </remarks>
public interface IAlertSignalSource : IObservable<AlertSignal>;
