using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage;

/// <summary>
/// Keeps daily energy long-term and raw readings bounded: every <c>Storage:Retention:RollupIntervalMinutes</c> it recomputes
/// the daily meter rollup of the last <c>RollupLookbackDays</c> days (and of any older day that late data touched); once a day
/// it recomputes every day that still has raw readings and then prunes raw readings older than <c>RawDays</c> (a no-op on InfluxDB, whose
/// retention policy or bucket expires them).
/// </summary>
internal sealed partial class RetentionService(
    ITimeSeriesStore store,
    RollupTracker tracker,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPass = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FullPassEvery = TimeSpan.FromDays(1);
    private static readonly DateOnly EverythingFrom = new(2000, 1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        var interval = TimeSpan.FromMinutes(retention.RollupIntervalMinutes);
        var nextFull = time.GetUtcNow() + FirstPass;
        await Task.Delay(FirstPass, time, stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = ChinaTime.LocalDate(now);
            try
            {
                if (now >= nextFull)
                {
                    // Every stored day, not just the window: data older than the cut (first start on an old database, a long
                    // downtime) must be rolled up before it is pruned. Raw data is bounded by retention, so this is the window in practice.
                    var cut = now.AddDays(-retention.RawDays);
                    await store.RollUpAsync(EverythingFrom, today, stoppingToken).ConfigureAwait(false);
                    await store.PruneAsync(cut, stoppingToken).ConfigureAwait(false);
                    nextFull = now + FullPassEvery;
                    tracker.Take();
                }
                else
                {
                    var from = today.AddDays(-retention.RollupLookbackDays);
                    if (tracker.Take() is { } touched && touched < from)
                    {
                        from = touched;
                    }

                    await store.RollUpAsync(from, today, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }

            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily rollup or pruning failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
