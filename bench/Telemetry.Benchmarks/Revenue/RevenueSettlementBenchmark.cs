using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Benchmarks.Storage;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Extensions;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Settlement;
using Telemetry.Revenue.Statements;

namespace Telemetry.Benchmarks.Revenue;

/// <summary>
/// Monthly settlement and allocation of every village for N stations, from the embedded SQLite store or from a real influxd
/// (Debian's 1.6, started on a loopback port with its data in a temp folder): April 2026, one meter reading an hour 06:00–19:00
/// (<see cref="BenchmarkMeter"/>, one station in ten irregular), then every village's statement computed from the store, and
/// the month's energy checked against what the meters were made to count.
/// Usage: <c>revenue [--stations 10000] [--store sqlite|influxdb] [--influx-url url] [--rounds 2] [--keep folder]</c>; with
/// <c>--keep</c> the SQLite store stays in that folder (or, with <c>--influx-url</c>, an influxd started by hand keeps the
/// database) and a later run with the same folder and station count reuses it instead of loading again.
/// </summary>
internal static class RevenueSettlementBenchmark
{
    private static readonly DateOnly April = BenchmarkMeter.Month;

    public static async Task<int> RunAsync(string[] args)
    {
        var stations = Option(args, "--stations") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 10_000;
        var rounds = Option(args, "--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 2;
        var kind = Option(args, "--store") ?? "sqlite";
        var keep = Option(args, "--keep");
        var folder = keep is null ? Directory.CreateTempSubdirectory("telemetry-bench-revenue-").FullName : Directory.CreateDirectory(keep).FullName;
        var influxUrl = Option(args, "--influx-url");
        var loaded = Path.Combine(folder, $"{(influxUrl is null ? "sqlite" : "influx")}-loaded-{stations}");
        Console.WriteLine($"# revenue: {stations:N0} stations, store {kind}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        var fleet = BenchmarkFleet.Create(stations);
        InfluxServer? influx = null;
        IHost? host = null;
        try
        {
            ITimeSeriesStore store;
            if (kind == "influxdb")
            {
                if (influxUrl is null)
                {
                    influx = await InfluxServer.StartAsync();
                }

                store = new InfluxTimeSeriesStore(
                    fleet,
                    Options.Create(new StorageOptions
                    {
                        Provider = StorageProvider.InfluxDB,
                        InfluxDB = { Url = influx?.Url ?? influxUrl!, Version = 1, Database = $"bench_revenue_{stations}", TimeoutSeconds = 300 },
                    }),
                    TimeProvider.System,
                    NullLogger<InfluxTimeSeriesStore>.Instance);
            }
            else
            {
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, DisableDefaults = true });
                builder.Configuration["Storage:Sqlite:Path"] = Path.Combine(folder, "telemetry.db");
                builder.Configuration["Storage:Sqlite:Synchronous"] = "Normal";
                builder.Services.AddSingleton(fleet);
                builder.AddTimeSeriesStorage();
                host = builder.Build();
                store = host.Services.GetRequiredService<ITimeSeriesStore>();
            }

            await store.InitializeAsync(CancellationToken.None);
            var load = Stopwatch.StartNew();
            var reuse = keep is not null && influx is null && File.Exists(loaded);
            var (rows, expected) = await LoadAsync(reuse ? null : store, fleet);
            Console.WriteLine(reuse
                ? $"reusing the {stations:N0} stations' readings in {folder}"
                : $"loaded {rows:N0} readings for {stations:N0} stations in {load.Elapsed.TotalSeconds:N1} s (not part of the settlement)");
            if (keep is not null && influx is null)
            {
                await File.WriteAllTextAsync(loaded, rows.ToString(CultureInfo.InvariantCulture));
            }

            if (influx is not null)
            {
                await influx.QuiesceAsync();
            }

            var time = new FixedClock(new DateTimeOffset(2026, 5, 10, 2, 0, 0, TimeSpan.Zero));
            File.Delete(Path.Combine(folder, "revenue.db"));
            var ledger = new RevenueLedger(Path.Combine(folder, "revenue.db"));
            var source = new StoreMeterSource(store);
            var reads = Stopwatch.StartNew();
            var cpu = CpuSeconds();
            var series = new Dictionary<string, MeterSeries>(StringComparer.Ordinal);
            foreach (var chunk in fleet.Stations.Cast<Station>().Chunk(500))
            {
                foreach (var (id, s) in await source.ReadAsync(chunk, April, April.AddMonths(1).AddDays(-1), CancellationToken.None))
                {
                    series[id] = s;
                }
            }

            Console.WriteLine($"meter reads alone (daily aggregates → series of every station, 500 stations a call, one call at a time): {reads.Elapsed.TotalSeconds:N2} s, {CpuSeconds() - cpu:N2} CPU-s");
            var cached = new RevenueService(fleet, new CachedSource(series), ledger, AllocationPlanBook.Empty, time);
            var compute = Stopwatch.StartNew();
            cpu = CpuSeconds();
            foreach (var village in fleet.Villages)
            {
                _ = await cached.ComputeAsync(village, April, CancellationToken.None);
            }

            Console.WriteLine($"settlement and allocation of all villages from the series in memory (one core): {compute.Elapsed.TotalSeconds:N2} s, {CpuSeconds() - cpu:N2} CPU-s");
            var service = new RevenueService(fleet, source, ledger, AllocationPlanBook.Empty, time);
            for (var round = 1; round <= rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                cpu = CpuSeconds();
                var statements = new System.Collections.Concurrent.ConcurrentBag<RevenueStatement>();
                await Parallel.ForEachAsync(fleet.Villages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (village, ct) =>
                    statements.Add(await service.ComputeAsync(village, April, ct)));
                var elapsed = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {statements.Count:N0} village statements, village by village ({Environment.ProcessorCount} at a time), in {elapsed.TotalSeconds:N2} s, {CpuSeconds() - cpu:N2} CPU-s; load average {LoadAverage()}"));
                Check(statements, expected);
            }

            return 0;
        }
        finally
        {
            host?.Dispose();
            if (influx is not null)
            {
                await influx.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Fails the run unless every station's April energy is what its meter was made to count, and only gap days are estimated.</summary>
    private static void Check(IEnumerable<RevenueStatement> statements, Dictionary<string, BenchmarkMeter> expected)
    {
        var stations = statements.SelectMany(s => s.Stations).ToList();
        var wrong = stations.Where(s => s.EnergyKwh != expected[s.StationId].ExpectedKwh).ToList();
        var estimated = stations.SelectMany(s => s.Days.Where(d => d.Quality != EnergyQuality.Measured).Select(d => (s.StationId, d))).ToList();
        var gapDays = expected.Values.Count(m => m.Scenario == BenchmarkScenario.Gap) * 3;
        var unexpected = estimated.Where(e => expected[e.StationId].Scenario != BenchmarkScenario.Gap || e.d.Method != EstimationMethod.DaylightProRata).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  check: {stations.Count:N0} stations, {stations.Sum(s => s.EnergyKwh):N3} kWh (expected {expected.Values.Sum(m => m.ExpectedKwh):N3}), {wrong.Count} wrong; {estimated.Count} estimated days (expected {gapDays}, daylight pro rata), {unexpected.Count} unexpected"));
        if (stations.Count != expected.Count || wrong.Count > 0 || estimated.Count != gapDays || unexpected.Count > 0)
        {
            throw new InvalidOperationException($"settlement disagrees with the meters: first wrong {wrong.FirstOrDefault()?.StationId}, first unexpected {unexpected.FirstOrDefault()}");
        }
    }

    /// <summary>Writes every station's readings (unless <paramref name="store"/> is null: then only the expectations are made).</summary>
    private static async Task<(long Rows, Dictionary<string, BenchmarkMeter> Expected)> LoadAsync(ITimeSeriesStore? store, FleetRegistry fleet)
    {
        var rows = 0L;
        var expected = new Dictionary<string, BenchmarkMeter>(StringComparer.Ordinal);
        var batch = new List<Reading>(50_000);
        var late = new List<Reading>();
        for (var i = 0; i < fleet.Stations.Count; i++)
        {
            var station = (Station)fleet.Stations[i];
            var meter = BenchmarkMeter.For(i, BenchmarkFleet.Capacity(i));
            expected[station.Id] = meter;
            batch.AddRange(meter.OnTime.Select(m => Pv(station, m.At, m.Kwh)));
            late.AddRange(meter.Late.Select(m => Pv(station, m.At, m.Kwh)));
            if (batch.Count >= 40_000)
            {
                rows += await WriteAsync(batch);
            }
        }

        rows += await WriteAsync(batch);
        foreach (var chunk in late.Chunk(40_000))
        {
            rows += await WriteAsync([.. chunk]);
        }

        return (rows, expected);

        async Task<int> WriteAsync(List<Reading> readings)
        {
            if (store is not null)
            {
                await store.WriteAsync(readings, CancellationToken.None);
            }

            var count = readings.Count;
            readings.Clear();
            return count;
        }
    }

    private static PvReading Pv(Station station, DateTimeOffset at, double kwh) =>
        new() { Device = station, TimestampMs = at.ToUnixTimeMilliseconds(), PowerKw = 0, EnergyTotalKwh = kwh };

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class CachedSource(Dictionary<string, MeterSeries> series) : IMeterSource
    {
        public Task<IReadOnlyDictionary<string, MeterSeries>> ReadAsync(IReadOnlyList<Station> stations, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, MeterSeries>>(stations.ToDictionary(s => s.Id, s => series[s.Id]));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
