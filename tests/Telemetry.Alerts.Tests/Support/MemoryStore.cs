using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>An in-memory time-series store: what was written before a "restart".</summary>
internal sealed class MemoryStore : ITimeSeriesStore
{
    private readonly List<Reading> _readings = [];

    /// <summary>Reads of one device (<see cref="ReadPvAsync(string, DateTimeOffset, DateTimeOffset, CancellationToken)"/>, <see cref="ReadBarnAsync"/>) so far.</summary>
    public int DeviceReads { get; private set; }

    /// <summary>Reads of the whole fleet (<see cref="ReadAllAsync"/>) so far.</summary>
    public int FleetReads { get; private set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        _readings.AddRange(readings);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PvReading>> ReadPvAsync(string stationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        DeviceReads++;
        return Task.FromResult<IReadOnlyList<PvReading>>([.. Range<PvReading>(stationId, from, to)]);
    }

    public Task<IReadOnlyList<BarnReading>> ReadBarnAsync(string barnId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        DeviceReads++;
        return Task.FromResult<IReadOnlyList<BarnReading>>([.. Range<BarnReading>(barnId, from, to)]);
    }

    public Task<IReadOnlyList<Reading>> ReadAllAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        FleetReads++;
        return Task.FromResult<IReadOnlyList<Reading>>([.. _readings.Where(r => r.Timestamp >= from && r.Timestamp < to).OrderBy(r => r.TimestampMs)]);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<PvReading>>> ReadPvAsync(IReadOnlyCollection<string> stationIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Reading>> ReadLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reading>>([.. _readings.GroupBy(r => r.Device.Id).Select(g => g.MaxBy(r => r.TimestampMs)!)]);

    public Task<IReadOnlyList<PvReading>> ReadFirstPvAsync(DateTimeOffset from, CancellationToken cancellationToken) => throw new NotSupportedException();

    // The series, meter and retention reads came with the InfluxDB storage merge; detection's replay does not use them.
    public Task<IReadOnlyList<PvSeriesPoint>> ReadPvSeriesAsync(string stationId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<BarnSeriesPoint>> ReadBarnSeriesAsync(string barnId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<VillagePowerPoint>> ReadVillagePowerAsync(string villageId, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<DailyMeter>> ReadDailyMetersAsync(string stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<MeterBaseline?> ReadMeterBaselineAsync(string stationId, DateOnly day, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RollUpAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<T> Range<T>(string id, DateTimeOffset from, DateTimeOffset to)
        where T : Reading =>
        _readings.OfType<T>().Where(r => r.Device.Id == id && r.Timestamp >= from && r.Timestamp < to).OrderBy(r => r.TimestampMs);
}
