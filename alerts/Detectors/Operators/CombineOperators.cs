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
            var active = new Dictionary<string, AlertSeverity>(StringComparer.Ordinal);
            var highest = (AlertSeverity?)null;
            return source.Subscribe(
                k =>
                {
                    if (k.Change.Active)
                    {
                        active[k.Key] = k.Change.Severity;
                    }
                    else if (!active.Remove(k.Key))
                    {
                        return;
                    }

                    if (active.Count == 0)
                    {
                        if (highest is { } was)
                        {
                            highest = null;
                            observer.OnNext(k with { Change = k.Change with { Severity = was } });
                        }

                        return;
                    }

                    var max = active.Values.Max();
                    if (highest is null || max > highest)
                    {
                        highest = max;
                        observer.OnNext(k with { Change = k.Change with { Active = true, Severity = max } });
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }
}
