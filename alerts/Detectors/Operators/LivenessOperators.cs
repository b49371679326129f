using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Offline and silence detection: the only detectors that use the wall clock (the injected scheduler).</summary>
public static class LivenessOperators
{
    /// <summary>
    /// Raises when a device has sent no reading for <paramref name="silence"/>, or when its Last Will arrived and
    /// no reading or <c>online</c> status followed within <paramref name="lastWillGrace"/>; clears with the next reading.
    /// </summary>
    /// <param name="source">The device's liveness events in arrival order.</param>
    /// <param name="silence">Longest tolerated gap between readings (typically N × the device's cadence).</param>
    /// <param name="lastWillGrace">How long a Last Will may stand before the device counts as offline (reconnects
    /// within this are not alerts).</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <param name="scheduler">The wall clock: silence is measured in arrival time, never in device time.</param>
    /// <remarks>
    /// Timing: the raise happens at <c>min(lastReading + silence, lastWill + grace)</c> on <paramref name="scheduler"/>,
    /// with <see cref="ConditionChange.At"/> = that instant; the clear happens when the next reading arrives
    /// (an <c>online</c> status alone does not clear: a connected device that sends nothing is still not reporting).
    /// Silence is only measured after the first reading or Last Will, so devices that never reported raise nothing.
    /// A buffered replay after an outage clears once, at its first reading. One timer per subscription, re-armed
    /// lazily, so a reading costs no scheduling.
    /// </remarks>
    public static IObservable<ConditionChange> WhenOffline(
        this IObservable<Liveness> source, TimeSpan silence, TimeSpan lastWillGrace, AlertSeverity severity, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(silence, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastWillGrace, TimeSpan.Zero);
        return Observable.Create<ConditionChange>(observer =>
        {
            var watch = new OfflineWatch(observer, silence, lastWillGrace, severity, scheduler);
            var subscription = source.Subscribe(watch);
            return () =>
            {
                subscription.Dispose();
                watch.Dispose();
            };
        });
    }

    /// <summary>Raises when no element has arrived for <paramref name="duration"/>; clears with the next element.</summary>
    /// <param name="source">Any stream.</param>
    /// <param name="duration">Longest tolerated silence.</param>
    /// <param name="scheduler">The wall clock.</param>
    /// <remarks>Timing as in <see cref="WhenOffline"/>: measured from the last element's arrival on <paramref name="scheduler"/>.</remarks>
    public static IObservable<ConditionChange> WhenSilentFor<T>(this IObservable<T> source, TimeSpan duration, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return source.Select(_ => Liveness.Reading).WhenOffline(duration, TimeSpan.Zero, AlertSeverity.Major, scheduler);
    }
}
