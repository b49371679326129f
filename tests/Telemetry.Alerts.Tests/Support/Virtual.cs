using System.Reactive.Concurrency;
using System.Reactive.Subjects;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>
/// Marble-style runs on Rx 7's <see cref="HistoricalScheduler"/>: inputs are scheduled at virtual times, the scheduler
/// runs to the end, outputs are recorded with the virtual time they were emitted at.
/// </summary>
internal static class Virtual
{
    public static readonly DateTimeOffset Start = new(2025, 6, 15, 0, 0, 0, TimeSpan.FromHours(8));

    public static List<Recorded<TOut>> Run<TIn, TOut>(
        IEnumerable<(DateTimeOffset At, TIn Value)> inputs, Func<IObservable<TIn>, IScheduler, IObservable<TOut>> build, DateTimeOffset? until = null)
    {
        var scheduler = new HistoricalScheduler(Start);
        using var subject = new Subject<TIn>();
        var output = new List<Recorded<TOut>>();
        using var subscription = build(subject, scheduler).Subscribe(v => output.Add(new Recorded<TOut>(scheduler.Now, v)));
        var last = Start;
        foreach (var (at, value) in inputs)
        {
            scheduler.ScheduleAbsolute(at, () => subject.OnNext(value));
            last = at > last ? at : last;
        }

        scheduler.AdvanceTo(until ?? last.AddHours(1));
        return output;
    }

    /// <summary>Inputs delivered when their device time comes (arrival = device time).</summary>
    public static IEnumerable<(DateTimeOffset At, T Value)> AtDeviceTime<T>(IEnumerable<T> items, Func<T, DateTimeOffset> time) =>
        items.Select(i => (time(i), i));
}
