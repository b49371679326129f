using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Settlement;

/// <summary>
/// Monthly statements: computed from the store (so late data is included) for months not yet published, read from the
/// ledger for published ones; publication, corrections and chain verification.
/// </summary>
public sealed class RevenueService : IRevenueStatements
{
    /// <summary>Stations whose daily meters are read from the store in one query.</summary>
    private const int StationsPerRead = 50;

    private readonly FleetRegistry _fleet;
    private readonly IMeterSource _meters;
    private readonly RevenueLedger _ledger;
    private readonly AllocationPlanBook _plans;
    private readonly TimeProvider _time;
    private readonly int _parallelism;
    private readonly VillageStations _stations;

    /// <summary>Creates the service; <paramref name="readParallelism"/> store reads (of up to 50 stations each) run at once per statement.</summary>
    public RevenueService(FleetRegistry fleet, IMeterSource meters, RevenueLedger ledger, AllocationPlanBook plans, TimeProvider time, int readParallelism = 4)
    {
        _fleet = fleet;
        _meters = meters;
        _ledger = ledger;
        _plans = plans;
        _time = time;
        _parallelism = readParallelism;
        _stations = new VillageStations(fleet);
    }

    /// <summary>The ledger behind the service.</summary>
    public RevenueLedger Ledger => _ledger;

    /// <summary>The current month in China time (first day).</summary>
    public DateOnly CurrentMonth
    {
        get
        {
            var today = ChinaTime.LocalDate(_time.GetUtcNow());
            return new DateOnly(today.Year, today.Month, 1);
        }
    }

    /// <summary>Parses <c>yyyy-MM</c> into the first day of the month, or null.</summary>
    public static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>
    /// The statement of <paramref name="villageId"/> for <paramref name="month"/>: the latest published one if there is one,
    /// otherwise computed now (provisional for the current month). Null for an unknown village or a future month.
    /// </summary>
    public async Task<RevenueStatement?> GetAsync(string villageId, DateOnly month, CancellationToken cancellationToken)
    {
        if (!_fleet.TryGetVillage(villageId, out var village) || month > CurrentMonth)
        {
            return null;
        }

        return await _ledger.FindAsync(villageId, Format(month), cancellationToken).ConfigureAwait(false)
            ?? await ComputeAsync(village, month, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes the statement from the store as of now (never from the ledger's published copy).</summary>
    public async Task<RevenueStatement> ComputeAsync(Village village, DateOnly month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(village);
        var status = month >= CurrentMonth ? StatementStatus.Provisional : StatementStatus.Unpublished;
        var last = month.AddMonths(1).AddDays(-1);
        var stations = _stations.For(village.Id).Where(s => s.Commissioned <= last).ToList();
        var batches = await _ledger.BatchesAsync([.. stations.Select(s => s.Id)], last, cancellationToken).ConfigureAwait(false);
        var booked = await _ledger.BookedAccrualsAsync(village.Id, month, cancellationToken).ConfigureAwait(false);
        var series = new System.Collections.Concurrent.ConcurrentDictionary<string, MeterSeries>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(stations.Chunk(StationsPerRead), new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            foreach (var (id, meter) in await _meters.ReadAsync(chunk, month, last, ct).ConfigureAwait(false))
            {
                series[id] = meter;
            }
        }).ConfigureAwait(false);
        var inputs = stations.Select(station => new StationMonth(
            station,
            MeterEnergyCalculator.Compute(series[station.Id], station.MeterReplacements, month, last, new DaylightWindow(station.Latitude, station.Longitude)),
            [.. batches.Where(b => b.StationId == station.Id)],
            [.. booked.Where(a => a.StationId == station.Id)])).ToArray();
        return StatementBuilder.Build(village, month, status, _time.GetUtcNow().ToOffset(ChinaTime.Offset), inputs, _plans.Find(village.Id, month.Year));
    }

    /// <summary>Publishes the month's statement (computed now); the month must be over and not yet published.</summary>
    /// <exception cref="LedgerConflictException">The month is not over or is already published.</exception>
    public Task<RevenueStatement> PublishAsync(string villageId, DateOnly month, CancellationToken cancellationToken) =>
        PublishAsync(villageId, month, null, cancellationToken);

    /// <summary>Publishes a correction of the month's latest statement, recomputed now, with the reason for it.</summary>
    /// <exception cref="LedgerConflictException">The month has no published statement.</exception>
    public Task<RevenueStatement> CorrectAsync(string villageId, DateOnly month, string reason, CancellationToken cancellationToken) =>
        PublishAsync(villageId, month, reason, cancellationToken);

    private async Task<RevenueStatement> PublishAsync(string villageId, DateOnly month, string? reason, CancellationToken cancellationToken)
    {
        if (!_fleet.TryGetVillage(villageId, out var village))
        {
            throw new LedgerConflictException($"village '{villageId}' is not in the fleet registry");
        }

        if (month >= CurrentMonth)
        {
            throw new LedgerConflictException($"{Format(month)} is not over yet; only past months can be published");
        }

        int? corrects = null;
        if (reason is not null)
        {
            var latest = await _ledger.FindAsync(villageId, Format(month), cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerConflictException($"{villageId} {Format(month)} has no published statement to correct");
            corrects = latest.Sequence;
        }

        var draft = await ComputeAsync(village, month, cancellationToken).ConfigureAwait(false);
        return await _ledger.PublishAsync(draft, _time.GetUtcNow(), corrects, reason, cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
