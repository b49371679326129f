using Telemetry.Core.Readings;

namespace Telemetry.Core.Storage;

/// <summary>
/// The time-series store port (DESIGN §5). Adapters: embedded SQLite (default) and InfluxDB.
/// Writes are idempotent: the same (device, device time) written twice is one point.
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>Creates the schema, database or bucket if missing. Called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Durably writes a batch; when this completes the readings survive a crash.</summary>
    Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken);

    /// <summary>Raw PV readings of one station in [from, to), oldest first.</summary>
    Task<IReadOnlyList<PvReading>> ReadPvAsync(string stationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Raw barn readings of one barn in [from, to), oldest first.</summary>
    Task<IReadOnlyList<BarnReading>> ReadBarnAsync(string barnId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The newest reading of every device that has one (to restore live state after a restart).</summary>
    Task<IReadOnlyList<Reading>> ReadLatestAsync(CancellationToken cancellationToken);

    /// <summary>The first PV reading of a station at or after <paramref name="from"/>, or null.</summary>
    Task<PvReading?> ReadFirstPvAsync(string stationId, DateTimeOffset from, CancellationToken cancellationToken);
}
