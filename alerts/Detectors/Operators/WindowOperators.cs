using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Trailing windows on device time.</summary>
public static class WindowOperators
{
    /// <summary>
    /// For every sample, the sums of both amounts over the samples in <c>(At − window, At]</c>.
    /// </summary>
    /// <param name="source">Samples of one device in device-time order.</param>
    /// <param name="window">Length of the trailing window.</param>
    /// <remarks>Timing: one output per input, synchronously; the window slides on the samples' device time, so a
    /// replay is summed as it happened. Samples older than the newest are dropped. Memory: the samples in one window.</remarks>
    public static IObservable<PairTotals> RollingSums(this IObservable<PairSample> source, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return Observable.Defer(() =>
        {
            var state = new RollingWindow(window);
            return source.Select(s => state.Add(s)).Where(t => t is not null).Select(t => t!.Value);
        });
    }
}
