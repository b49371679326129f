using System.Reactive.Linq;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Combining parallel conditions of one device into one.</summary>
public static class CombineOperators
{
    /// <summary>
    /// One condition that is active while any of the keyed conditions is: raises when the first becomes active,
    /// escalates when an active one reaches a higher severity, clears when the last one clears. The emitted key is the
    /// condition that caused the transition.
    /// </summary>
    /// <param name="source">Changes of several conditions (merged), each tagged with its key.</param>
    /// <remarks>Synchronous; no timing of its own — durations belong to the inner conditions.</remarks>
    public static IObservable<KeyedChange> WhenAnyActive(this IObservable<KeyedChange> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<KeyedChange>(observer =>
        {
            var state = new AnyActive();
            return source.Subscribe(
                k =>
                {
                    if (state.Apply(k) is { } change)
                    {
                        observer.OnNext(change);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }
}
