using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;
using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Live;

/// <summary>
/// Today's energy and revenue so far per station, live from the stream of durably stored readings (<c>ReadingHub.Batches</c>).
/// The official monthly settlement reads the store instead; both end in <see cref="MeterEnergyCalculator"/>, so once every
/// reading of the day is stored and seen they agree.
/// </summary>
/// <remarks>"Today" is the China-time date of the injected scheduler's clock; readings are placed by device time.</remarks>
public sealed class LiveRevenueTracker
{
    private readonly FleetRegistry _fleet;
    private readonly IScheduler _scheduler;
    private readonly ConcurrentDictionary<string, LiveMeter> _meters = new(StringComparer.Ordinal);

    /// <summary>Creates a tracker for the stations of <paramref name="fleet"/>, on <paramref name="scheduler"/>'s clock.</summary>
    public LiveRevenueTracker(FleetRegistry fleet, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(scheduler);
        _fleet = fleet;
        _scheduler = scheduler;
    }

    /// <summary>Today's local date on the scheduler's clock.</summary>
    public DateOnly Today => ChinaTime.LocalDate(_scheduler.Now);

    /// <summary>
    /// Follows <paramref name="batches"/> (observed on the scheduler) and emits the new figures of every station a batch touched.
    /// Subscribe to start tracking; per-station state lives in the tracker, so it survives resubscription.
    /// </summary>
    public IObservable<LiveStationRevenue> Track(IObservable<IReadOnlyList<Reading>> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return batches
            .ObserveOn(_scheduler)
            .SelectMany(batch => Apply(batch.OfType<PvReading>().Select(r => ((Station)r.Device, MeterPoint.From(r.TimestampMs, r.EnergyTotalKwh)))));
    }

    /// <summary>
    /// Follows <paramref name="batches"/> (observed on the scheduler) like <see cref="Track"/>, but only updates the meters:
    /// the figures are computed when read (<see cref="Current"/>, <see cref="All"/>). What the host runs — computing every
    /// touched station's figures for every batch, for no listener, was about a tenth of ingest's CPU (docs/benchmarks.md).
    /// </summary>
    public IDisposable Follow(IObservable<IReadOnlyList<Reading>> batches, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(onError);
        return batches
            .ObserveOn(_scheduler)
            .Subscribe(batch => Update(batch, Today), onError);
    }

    /// <summary>Adds readings from the store (at start, so that the day so far is known); idempotent with the stream.</summary>
    public void Seed(Station station, IEnumerable<MeterPoint> readings)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(readings);
        _ = Apply(readings.Select(p => (station, p)));
    }

    /// <summary>The figures of one station, or null if it has reported nothing today.</summary>
    public LiveStationRevenue? Current(string stationId)
    {
        var today = Today;
        return _meters.TryGetValue(stationId, out var meter) && Locked(meter, m => m.Date) == today ? Locked(meter, m => m.Current()) : null;
    }

    /// <summary>The figures of every station that has reported today, by station id.</summary>
    public IReadOnlyList<LiveStationRevenue> All() =>
        [.. _fleet.Stations.Select(s => Current(s.Id)).OfType<LiveStationRevenue>()];

    private List<LiveStationRevenue> Apply(IEnumerable<(Station Station, MeterPoint Point)> readings)
    {
        var today = Today;
        var touched = Add(readings, today);
        return [.. touched.Where(m => Locked(m, x => x.Date) == today).Select(m => Locked(m, x => x.Current()))];
    }

    private HashSet<LiveMeter> Add(IEnumerable<(Station Station, MeterPoint Point)> readings, DateOnly today)
    {
        var touched = new HashSet<LiveMeter>();
        foreach (var (station, point) in readings)
        {
            touched.Add(Record(station, point, today));
        }

        return touched;
    }

    /// <summary>The hot path of <see cref="Follow"/>: updates the meters of a stored batch without allocating per reading.</summary>
    private void Update(IReadOnlyList<Reading> batch, DateOnly today)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i] is PvReading pv)
            {
                Record((Station)pv.Device, MeterPoint.From(pv.TimestampMs, pv.EnergyTotalKwh), today);
            }
        }
    }

    private LiveMeter Record(Station station, MeterPoint point, DateOnly today)
    {
        var meter = _meters.GetOrAdd(station.Id, static (_, s) => new LiveMeter(s), station);
        lock (meter)
        {
            meter.Add(point, today);
        }

        return meter;
    }

    private static T Locked<T>(LiveMeter meter, Func<LiveMeter, T> read)
    {
        lock (meter)
        {
            return read(meter);
        }
    }
}
