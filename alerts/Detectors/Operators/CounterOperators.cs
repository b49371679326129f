using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Checks on monotonic counters (energy meters, water meters).</summary>
public static class CounterOperators
{
    /// <summary>
    /// Raises when the counter goes down by more than <paramref name="tolerance"/> from one sample to the next (a reset,
    /// a replaced meter, a corrupted register); clears once it has only gone up or stayed for <paramref name="clearAfter"/>.
    /// </summary>
    /// <param name="source">Counter samples of one device in device-time order.</param>
    /// <param name="tolerance">Largest decrease tolerated (rounding of the reported value).</param>
    /// <param name="clearAfter">How long the counter must behave before the alert clears.</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <remarks>Timing: the raise comes with the first sample after the step; the clear <paramref name="clearAfter"/> of
    /// device time later if no further step happened.</remarks>
    public static IObservable<ConditionChange> WhenCounterBackwards(
        this IObservable<CounterSample> source, double tolerance, TimeSpan clearAfter, AlertSeverity severity = AlertSeverity.Major)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(clearAfter, TimeSpan.Zero);
        return Observable.Defer(() =>
        {
            var state = new CounterBackwards();
            return source.Select(s => state.Judge(s, tolerance, severity)).WhenHeldFor(TimeSpan.Zero, clearAfter);
        });
    }

    /// <summary>
    /// Raises when the counter has not moved by more than <paramref name="resolution"/> for at least
    /// <paramref name="minDuration"/> while the rate says it should have grown by at least
    /// <paramref name="minExpected"/> (trapezoidal integral of the rate); clears when it moves again.
    /// </summary>
    /// <param name="source">Counter samples of one device in device-time order.</param>
    /// <param name="minDuration">Shortest frozen span that may raise.</param>
    /// <param name="minExpected">Growth the rate must imply over the frozen span (well above the counter's resolution,
    /// so rounding cannot explain it).</param>
    /// <param name="resolution">Smallest change that counts as movement.</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <remarks>Timing: the raise comes with the first sample at which both the duration and the expected growth are
    /// reached; the clear with the first sample at which the counter moved.</remarks>
    public static IObservable<ConditionChange> WhenCounterFrozen(
        this IObservable<CounterSample> source, TimeSpan minDuration, double minExpected, double resolution, AlertSeverity severity = AlertSeverity.Major)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minExpected);
        ArgumentOutOfRangeException.ThrowIfNegative(resolution);
        return Observable.Defer(() =>
        {
            var state = new CounterFrozen();
            return source.Select(s => state.Judge(s, minDuration, minExpected, resolution, severity)).WhenHeldFor(TimeSpan.Zero, TimeSpan.Zero);
        });
    }
}
