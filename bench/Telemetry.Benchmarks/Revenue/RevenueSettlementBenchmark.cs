using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;
using Telemetry.Ingest.Extensions;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Benchmarks.Revenue;

/// <summary>
/// Monthly settlement and allocation of every village for N stations, from the embedded SQLite store: April 2026, one
/// meter reading an hour from 06:00 to 19:00 (14 a day), then every village's statement computed from the store.
/// </summary>
internal static class RevenueSettlementBenchmark
{
    private static readonly DateOnly April = new(2026, 4, 1);

    public static async Task<int> RunAsync(string[] args)
    {
        var stations = args is [.., "--stations", var n] && int.TryParse(n, CultureInfo.InvariantCulture, out var count) ? count : 10_000;
        var folder = Path.Combine(Path.GetTempPath(), "telemetry-bench-revenue", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var fleet = BenchmarkFleet.Create(stations);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, DisableDefaults = true });
            builder.Configuration["Storage:Sqlite:Path"] = Path.Combine(folder, "telemetry.db");
            builder.Configuration["Storage:Sqlite:Synchronous"] = "Normal";
            builder.Services.AddSingleton(fleet);
            builder.AddTimeSeriesStorage();
            using var host = builder.Build();
            var store = host.Services.GetRequiredService<ITimeSeriesStore>();
            await store.InitializeAsync(CancellationToken.None);

            var load = Stopwatch.StartNew();
            var rows = await LoadAsync(store, fleet);
            Console.WriteLine($"loaded {rows:N0} readings for {stations:N0} stations in {load.Elapsed.TotalSeconds:N1} s");

            var time = new FixedClock(new DateTimeOffset(2026, 5, 10, 2, 0, 0, TimeSpan.Zero));
            var service = new RevenueService(fleet, new StoreMeterSource(store), new RevenueLedger(Path.Combine(folder, "revenue.db")), AllocationPlanBook.Empty, time, readParallelism: 2);
            var reads = Stopwatch.StartNew();
            var source = new StoreMeterSource(store);
            var series = new System.Collections.Concurrent.ConcurrentDictionary<string, MeterSeries>();
            await Parallel.ForEachAsync(fleet.Stations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (s, ct) =>
                series[s.Id] = await ((IMeterSource)source).ReadAsync(s, April, April.AddMonths(1).AddDays(-1), ct));
            Console.WriteLine($"meter reads alone (raw readings → daily series): {reads.Elapsed.TotalSeconds:N2} s");
            var cached = new RevenueService(fleet, new CachedSource(series), new RevenueLedger(Path.Combine(folder, "revenue.db")), AllocationPlanBook.Empty, time);
            var compute = Stopwatch.StartNew();
            foreach (var village in fleet.Villages)
            {
                _ = await cached.ComputeAsync(village, April, CancellationToken.None);
            }

            Console.WriteLine($"settlement and allocation of all villages from daily series in memory (one core): {compute.Elapsed.TotalSeconds:N2} s");
            for (var round = 1; round <= 2; round++)
            {
                var clock = Stopwatch.StartNew();
                var statements = 0;
                var distributable = 0m;
                var lines = 0;
                await Parallel.ForEachAsync(fleet.Villages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (village, ct) =>
                {
                    var s = await service.ComputeAsync(village, April, ct);
                    Interlocked.Increment(ref statements);
                    Interlocked.Add(ref lines, s.Lines.Count);
                    lock (fleet)
                    {
                        distributable += s.Totals.DistributableYuan;
                    }
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {statements:N0} village statements ({stations:N0} stations, {lines:N0} lines, distributable {distributable:N2} yuan) in {clock.Elapsed.TotalSeconds:N2} s"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> LoadAsync(ITimeSeriesStore store, FleetRegistry fleet)
    {
        var rows = 0L;
        var batch = new List<Reading>(50_000);
        foreach (var station in fleet.Stations)
        {
            var perHour = (decimal)station.CapacityKwp * 4m / 13m; // 4 kWh/kWp a day over 13 hours
            var register = 10_000.0;
            for (var day = April.AddDays(-1); day <= April.AddMonths(1); day = day.AddDays(1))
            {
                for (var hour = 6; hour <= 19; hour++)
                {
                    register += hour == 6 ? 0 : (double)perHour;
                    batch.Add(new PvReading
                    {
                        Device = station,
                        TimestampMs = ChinaTime.StartOfDay(day).AddHours(hour).ToUnixTimeMilliseconds(),
                        PowerKw = 0,
                        EnergyTotalKwh = Math.Round(register, 3),
                    });
                }
            }

            if (batch.Count >= 40_000)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                rows += batch.Count;
                batch.Clear();
            }
        }

        await store.WriteAsync(batch, CancellationToken.None);
        return rows + batch.Count;
    }

    private sealed class CachedSource(System.Collections.Concurrent.ConcurrentDictionary<string, MeterSeries> series) : IMeterSource
    {
        public Task<IReadOnlyDictionary<string, MeterSeries>> ReadAsync(IReadOnlyList<Station> stations, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, MeterSeries>>(stations.ToDictionary(s => s.Id, s => series[s.Id]));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
