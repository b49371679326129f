using Telemetry.Core.Readings;

namespace Telemetry.Core.Storage;

/// <summary>
/// The time-series store port (DESIGN §5). Adapters: embedded SQLite (default) and InfluxDB.
/// Writes are idempotent: the same (device, device time) written twice is one point. Every read answers from the stored
/// points, so late and replayed readings are reflected as if they had come on time. Days are China-time days (UTC+8).
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>Creates the schema, database or bucket if missing. Called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Durably writes a batch; when this completes the readings survive a crash.</summary>
    Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken);

    /// <summary>Raw PV readings of one station in [from, to), oldest first.</summary>
    Task<IReadOnlyList<PvReading>> ReadPvAsync(string stationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Raw PV readings of many stations in [from, to), oldest first, each station a key (empty when it has none): one
    /// connection or a few requests for all of them instead of one per station. The caller bounds the memory by the number
    /// of stations it asks for at once.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PvReading>>> ReadPvAsync(IReadOnlyCollection<string> stationIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Raw barn readings of one barn in [from, to), oldest first.</summary>
    Task<IReadOnlyList<BarnReading>> ReadBarnAsync(string barnId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Raw readings of every device of the registry, PV and barn, in [from, to), oldest first (readings of one instant in
    /// no set order): the whole fleet's span in one read, e.g. to replay it through the detectors at start.
    /// </summary>
    Task<IReadOnlyList<Reading>> ReadAllAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The newest reading of every device that has one (to restore live state after a restart).</summary>
    Task<IReadOnlyList<Reading>> ReadLatestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every station's first PV reading at or after <paramref name="from"/> (stations without one are left out), in one read
    /// for the whole fleet: the day's baselines when live state is restored after a restart.
    /// </summary>
    Task<IReadOnlyList<PvReading>> ReadFirstPvAsync(DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>A station's history in [from, to), one point per bucket that has readings, oldest first.</summary>
    Task<IReadOnlyList<PvSeriesPoint>> ReadPvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken);

    /// <summary>A barn's climate history in [from, to), one point per bucket that has readings, oldest first.</summary>
    Task<IReadOnlyList<BarnSeriesPoint>> ReadBarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken);

    /// <summary>
    /// The summed output of a village's stations (as the fleet registry lists them) in [from, to), per bucket; not for
    /// <see cref="SeriesResolution.Raw"/>, whose readings do not line up across stations.
    /// </summary>
    Task<IReadOnlyList<VillagePowerPoint>> ReadVillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken);

    /// <summary>
    /// The lifetime meter's daily aggregate (<see cref="DailyMeter"/>) per China-time day in [from, to] (both included), for
    /// the days that have readings, oldest first. Computed from raw readings while they are kept, from the daily rollup after
    /// they expire (per day, whichever holds more readings).
    /// </summary>
    Task<IReadOnlyList<DailyMeter>> ReadDailyMetersAsync(string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ReadDailyMetersAsync(string, DateOnly, DateOnly, CancellationToken)"/> for many stations at once: every
    /// station asked for is a key (with an empty list when it has no data). The adapters answer with one query per call; this
    /// default asks station by station.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyMeter>>> ReadDailyMetersAsync(
        IReadOnlyCollection<string> stationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stationIds);
        var result = new Dictionary<string, IReadOnlyList<DailyMeter>>(StringComparer.Ordinal);
        foreach (var id in stationIds)
        {
            result[id] = await ReadDailyMetersAsync(id, from, to, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The last lifetime-meter reading stored before the China-time day <paramref name="day"/> began, or null.</summary>
    Task<MeterBaseline?> ReadMeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes the daily rollup (<see cref="DailyMeter"/>) of every station for the days [from, to] from the raw readings
    /// and keeps it long-term. Idempotent; days without raw readings keep their earlier rollup.
    /// </summary>
    Task RollUpAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Deletes raw readings older than <paramref name="before"/>; stores that expire data themselves do nothing.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
