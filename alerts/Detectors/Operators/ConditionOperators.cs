using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>
/// Debounced conditions on device time: raise after a duration, clear after a duration, hysteresis between raise and
/// clear thresholds, escalation to higher severities. All timing is event time (the samples' <c>At</c>), never the
/// wall clock, so replayed or buffered data is judged as it happened.
/// </summary>
public static class ConditionOperators
{
    /// <summary>
    /// Turns instantaneous verdicts into transitions: a raise once <see cref="VerdictKind.Raise"/> verdicts have held
    /// for <paramref name="raiseAfter"/>, an escalation when a higher severity has held that long, a clear once
    /// <see cref="VerdictKind.Clear"/> verdicts have held for <paramref name="clearAfter"/>.
    /// </summary>
    /// <param name="source">Verdicts of one device in device-time order.</param>
    /// <param name="raiseAfter">How long the raise zone must hold (zero: the first raise verdict raises).</param>
    /// <param name="clearAfter">How long the clear zone must hold before an active condition clears.</param>
    /// <param name="maxGap">When consecutive samples are further apart than this, pending timers restart instead of
    /// bridging the gap; null bridges any gap.</param>
    /// <remarks>
    /// Timing: a raise is emitted with the first sample whose device time is at least <paramref name="raiseAfter"/>
    /// after the first sample of the uninterrupted raise run (so with a 5-minute cadence and a 10-minute duration, at
    /// the third sample). A <see cref="VerdictKind.Hold"/> restarts both timers. Severities only go up while active;
    /// the clear reports the highest severity reached. Samples older than the last one judged are ignored.
    /// </remarks>
    public static IObservable<ConditionChange> WhenHeldFor(this IObservable<Verdict> source, TimeSpan raiseAfter, TimeSpan clearAfter, TimeSpan? maxGap = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(raiseAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(clearAfter, TimeSpan.Zero);
        if (maxGap is { } gap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gap, TimeSpan.Zero, nameof(maxGap));
        }

        return Observable.Create<ConditionChange>(observer =>
        {
            var tracker = new ConditionTracker(raiseAfter, clearAfter, maxGap);
            return source.Subscribe(
                verdict =>
                {
                    if (tracker.Apply(verdict) is { } change)
                    {
                        observer.OnNext(change);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    /// <summary>
    /// Raises when the value has stayed at or above <paramref name="threshold"/> for <paramref name="duration"/>;
    /// clears when it has stayed below <paramref name="clearBelow"/> for <paramref name="clearAfter"/> (hysteresis:
    /// values in between change nothing and restart both timers).
    /// </summary>
    /// <param name="source">Samples of one device in device-time order.</param>
    /// <param name="threshold">Raise threshold.</param>
    /// <param name="duration">How long the value must stay at or above the threshold.</param>
    /// <param name="clearBelow">Clear threshold, at most <paramref name="threshold"/>.</param>
    /// <param name="clearAfter">How long the value must stay below <paramref name="clearBelow"/> to clear.</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <param name="maxGap">See <see cref="WhenHeldFor"/>.</param>
    /// <remarks>Timing as in <see cref="WhenHeldFor"/>, on the samples' device time.</remarks>
    public static IObservable<ConditionChange> WhenAboveFor(
        this IObservable<Sample> source, double threshold, TimeSpan duration, double clearBelow, TimeSpan clearAfter,
        AlertSeverity severity = AlertSeverity.Major, TimeSpan? maxGap = null) =>
        source.WhenAboveLevelsFor([new Level(threshold, severity)], duration, clearBelow, clearAfter, maxGap);

    /// <summary>
    /// Like <see cref="WhenAboveFor"/> with several levels: each level raises (or escalates to) its severity once the
    /// value has stayed at or above its threshold for <paramref name="duration"/>.
    /// </summary>
    /// <param name="source">Samples of one device in device-time order.</param>
    /// <param name="levels">Thresholds in ascending order with ascending severities.</param>
    /// <param name="duration">How long a level must hold before it raises.</param>
    /// <param name="clearBelow">Clear threshold, at most the lowest level's threshold.</param>
    /// <param name="clearAfter">How long the value must stay below <paramref name="clearBelow"/> to clear.</param>
    /// <param name="maxGap">See <see cref="WhenHeldFor"/>.</param>
    /// <remarks>Timing as in <see cref="WhenHeldFor"/>; NaN samples count as holds.</remarks>
    public static IObservable<ConditionChange> WhenAboveLevelsFor(
        this IObservable<Sample> source, IReadOnlyList<Level> levels, TimeSpan duration, double clearBelow, TimeSpan clearAfter, TimeSpan? maxGap = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sorted = CheckLevels(levels, clearBelow, ascending: true);
        return source.Select(s => Judge(s, sorted, clearBelow, above: true)).WhenHeldFor(duration, clearAfter, maxGap);
    }

    /// <summary>
    /// Raises when the value has stayed at or below <paramref name="threshold"/> for <paramref name="duration"/>;
    /// clears when it has stayed above <paramref name="clearAbove"/> for <paramref name="clearAfter"/>.
    /// </summary>
    /// <param name="source">Samples of one device in device-time order.</param>
    /// <param name="threshold">Raise threshold.</param>
    /// <param name="duration">How long the value must stay at or below the threshold.</param>
    /// <param name="clearAbove">Clear threshold, at least <paramref name="threshold"/>.</param>
    /// <param name="clearAfter">How long the value must stay above <paramref name="clearAbove"/> to clear.</param>
    /// <param name="severity">Severity of the raise.</param>
    /// <param name="maxGap">See <see cref="WhenHeldFor"/>.</param>
    /// <remarks>Timing as in <see cref="WhenHeldFor"/>, on the samples' device time.</remarks>
    public static IObservable<ConditionChange> WhenBelowFor(
        this IObservable<Sample> source, double threshold, TimeSpan duration, double clearAbove, TimeSpan clearAfter,
        AlertSeverity severity = AlertSeverity.Major, TimeSpan? maxGap = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var levels = CheckLevels([new Level(threshold, severity)], clearAbove, ascending: false);
        return source.Select(s => Judge(s, levels, clearAbove, above: false)).WhenHeldFor(duration, clearAfter, maxGap);
    }

    internal static Verdict Judge(in Sample sample, Level[] levels, double clearAt, bool above)
    {
        var v = sample.Value;
        if (double.IsNaN(v))
        {
            return Verdict.Hold(sample.At, v);
        }

        for (var i = levels.Length - 1; i >= 0; i--)
        {
            if (above ? v >= levels[i].Threshold : v <= levels[i].Threshold)
            {
                return Verdict.Raise(sample.At, levels[i].Severity, v);
            }
        }

        return (above ? v < clearAt : v > clearAt) ? Verdict.Clear(sample.At, v) : Verdict.Hold(sample.At, v);
    }

    internal static Level[] CheckLevels(IReadOnlyList<Level> levels, double clearAt, bool ascending)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("At least one level is needed.", nameof(levels));
        }

        for (var i = 1; i < levels.Count; i++)
        {
            var inOrder = ascending ? levels[i].Threshold > levels[i - 1].Threshold : levels[i].Threshold < levels[i - 1].Threshold;
            if (!inOrder || levels[i].Severity <= levels[i - 1].Severity)
            {
                throw new ArgumentException("Levels must be ordered by threshold with rising severity.", nameof(levels));
            }
        }

        if (ascending ? clearAt > levels[0].Threshold : clearAt < levels[0].Threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(clearAt), clearAt, "The clear threshold must lie on the healthy side of the first raise threshold.");
        }

        return [.. levels];
    }
}
