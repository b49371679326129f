namespace Telemetry.Alerts.Detectors;

/// <summary>
/// Where the alert lifecycle takes its signals from: the detectors register one singleton implementing this. The
/// lifecycle subscribes once at start and never blocks the stream (signals are queued to its single writer).
/// </summary>
public interface IAlertSignalSource
{
    /// <summary>Raise/escalate (<see cref="AlertSignal.Active"/> true) and clear transitions per (device, rule).</summary>
    IObservable<AlertSignal> Signals { get; }
}
