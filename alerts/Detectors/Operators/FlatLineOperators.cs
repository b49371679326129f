using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Stuck (flat-lined) sensors.</summary>
public static class FlatLineOperators
{
    /// <summary>
    /// Raises when every sample for at least <paramref name="window"/> of device time has stayed within
    /// ±<paramref name="epsilon"/> of the first sample of that run; clears at the first sample that leaves the band.
    /// </summary>
    /// <param name="source">Samples of one sensor in device-time order.</param>
    /// <param name="window">How long the value must stay flat. Choose it well above the longest natural plateau
    /// (a quantised, slowly varying value can repeat for a while).</param>
    /// <param name="epsilon">Half-width of the band; 0 means exactly the same value.</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <param name="maxGap">A gap longer than this between samples restarts the run (nothing is known about the gap).</param>
    /// <remarks>
    /// Timing: the raise comes with the first sample at least <paramref name="window"/> after the run's first sample;
    /// the clear with the first sample outside the band. O(1) state per subscription. NaN samples end the run.
    /// </remarks>
    public static IObservable<ConditionChange> FlatLine(
        this IObservable<Sample> source, TimeSpan window, double epsilon, AlertSeverity severity = AlertSeverity.Major, TimeSpan? maxGap = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        return Observable.Defer(() =>
        {
            var judge = new FlatLineJudge();
            return source.Select(s => judge.Judge(s, window, epsilon, severity, maxGap)).WhenHeldFor(TimeSpan.Zero, TimeSpan.Zero);
        });
    }
}
