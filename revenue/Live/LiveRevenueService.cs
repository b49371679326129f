using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;
using Telemetry.Ingest.Pipeline;
using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Live;

/// <summary>Connects the live tracker to the stored-readings stream, then seeds it with today's readings from the store.</summary>
internal sealed partial class LiveRevenueService(
    LiveRevenueTracker tracker, ReadingHub hub, ITimeSeriesStore store, FleetRegistry fleet, ILogger<LiveRevenueService> logger) : BackgroundService
{
    /// <summary>
    /// Stations read from the store at once: one connection (SQLite) or five requests (InfluxDB) for two days of each, instead
    /// of one per station — 83,000 at provincial scale — while a few hundred stations' readings stay small in memory.
    /// </summary>
    private const int SeedStationsPerRead = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = tracker.Follow(hub.Batches, LogFailed);
        var today = tracker.Today;
        var from = ChinaTime.StartOfDay(today.AddDays(-1));
        var to = ChinaTime.StartOfDay(today.AddDays(1));
        foreach (var chunk in fleet.Stations.Chunk(SeedStationsPerRead))
        {
            try
            {
                var readings = await store.ReadPvAsync([.. chunk.Select(s => s.Id)], from, to, stoppingToken).ConfigureAwait(false);
                foreach (var station in chunk)
                {
                    tracker.Seed(station, readings[station.Id].Select(r => MeterPoint.From(r.TimestampMs, r.EnergyTotalKwh)));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store hiccup leaves these stations unseeded; the stream still fills them in. Logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSeedFailed(e, chunk.Length, chunk[0].Id);
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Live revenue tracking failed; today's figures stop updating")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not seed today's live revenue of {Count} stations (from {StationId}) from the store")]
    private partial void LogSeedFailed(Exception exception, int count, string stationId);
}
