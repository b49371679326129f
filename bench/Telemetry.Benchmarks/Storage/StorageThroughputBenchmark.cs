using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Influx;
using Telemetry.Ingest.Storage.Sqlite;

namespace Telemetry.Benchmarks.Storage;

/// <summary>
/// Readings/s through each store adapter, and in the same run the raw influxd <c>/write</c> rate for the adapter's own line
/// protocol; plus the formatter alone and a station-day history query. Starts its own influxd (Debian's 1.6) on a loopback
/// port with its data in a temp folder. Usage: <c>storage [--readings 200000] [--batch 5000] [--runs 3]</c>.
/// </summary>
/// <remarks>
/// Writes the same PV readings batch after batch from one writer, as the ingest writer does.
/// </remarks>
internal static class StorageThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var readings = Option("--readings", 200_000);
        var batchSize = Option("--batch", 5_000);
        var runs = Option("--runs", 3);
        var fleet = FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"));
        var batches = Workload.Batches(fleet, readings, batchSize);
        var results = new Dictionary<string, List<double>>();
        var queries = new Dictionary<string, List<double>>();
        var folder = Directory.CreateTempSubdirectory("telemetry-bench-").FullName;
        Console.WriteLine($"# {readings:N0} PV readings (11 fields), batches of {batchSize:N0}, {runs} runs, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        await using (var influx = await InfluxServer.StartAsync())
        {
            var lines = new InfluxLineBuilder(fleet);
            var bodies = batches.Select(b =>
            {
                var writer = new LineProtocolWriter();
                foreach (var r in b)
                {
                    lines.Append(writer, r);
                }

                return Encoding.UTF8.GetBytes(writer.Builder.ToString());
            }).ToList();
            using var http = new HttpClient { BaseAddress = new Uri(influx.Url + "/") };
            using (var warmup = InfluxStore(influx.Url, "bench_warmup", gzip: true))
            {
                // JIT and connection warm-up outside the timed runs.
                await warmup.InitializeAsync(default);
                await warmup.WriteAsync(batches[0], default);
                using var content = new ByteArrayContent(bodies[0]);
                (await http.PostAsync(new Uri("write?db=bench_warmup&rp=raw&precision=ms", UriKind.Relative), content)).Dispose();
            }

            for (var run = 1; run <= runs; run++)
            {
                var order = new[] { "influx-raw-post", "influx-adapter-gzip", "influx-adapter-plain" };
                foreach (var mode in order.Skip(run % 3).Concat(order.Take(run % 3)))
                {
                    var database = $"bench_{run}_{mode.Replace('-', '_')}";
                    using var store = InfluxStore(influx.Url, database, gzip: mode.EndsWith("gzip", StringComparison.Ordinal));
                    await store.InitializeAsync(default);
                    var cpu = influx.CpuSeconds();
                    var watch = Stopwatch.StartNew();
                    if (mode == "influx-raw-post")
                    {
                        foreach (var body in bodies)
                        {
                            using var content = new ByteArrayContent(body);
                            using var response = await http.PostAsync(new Uri($"write?db={database}&rp=raw&precision=ms", UriKind.Relative), content);
                            response.EnsureSuccessStatusCode();
                        }
                    }
                    else
                    {
                        foreach (var batch in batches)
                        {
                            await store.WriteAsync(batch, default);
                        }
                    }

                    Record(mode, run, watch.Elapsed, influx.CpuSeconds() - cpu);
                    await influx.QuiesceAsync(); // let compactions of this run finish before the next one is timed
                    if (mode == "influx-adapter-plain")
                    {
                        await QueryAsync("influx", store);
                    }
                }
            }
        }

        for (var run = 1; run <= runs; run++)
        {
            // The client-side cost alone: line protocol for every reading, as the adapter builds it, without sending.
            var lines = new InfluxLineBuilder(fleet);
            var writer = new LineProtocolWriter();
            var watch = Stopwatch.StartNew();
            long bytes = 0;
            foreach (var batch in batches)
            {
                writer.Builder.Clear();
                foreach (var r in batch)
                {
                    lines.Append(writer, r);
                }

                bytes += writer.Builder.Length;
            }

            Record("line-protocol-format-only", run, watch.Elapsed, null);
            GC.KeepAlive(bytes);
        }

        for (var run = 1; run <= runs; run++)
        {
            var path = Path.Combine(folder, $"run{run}.db");
            var store = new SqliteTimeSeriesStore(
                fleet,
                Options.Create(new StorageOptions { Sqlite = { Path = path, Synchronous = "Full" } }),
                new HostingEnvironment { ContentRootPath = folder },
                NullLogger<SqliteTimeSeriesStore>.Instance);
            await store.InitializeAsync(default);
            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await store.WriteAsync(batch, default);
            }

            Record("sqlite-adapter", run, watch.Elapsed, null);
            await QueryAsync("sqlite", store);
            await store.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
        Console.WriteLine();
        Console.WriteLine("| mode | median readings/s | runs (readings/s) |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (mode, rates) in results)
        {
            Console.WriteLine($"| {mode} | {Median(rates):N0} | {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine();
        Console.WriteLine("| history query: one station-day at 1-min resolution (1,440 buckets in a full day) | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (store, times) in queries)
        {
            var sorted = times.Order().ToList();
            Console.WriteLine($"| {store} | {sorted[sorted.Count / 2]:0.0} | {sorted[(int)(sorted.Count * 0.95)]:0.0} |");
        }

        var raw = Median(results["influx-raw-post"]);
        Console.WriteLine();
        Console.WriteLine($"adapter / raw (ratio of medians): gzip {Median(results["influx-adapter-gzip"]) / raw:0.00}, plain {Median(results["influx-adapter-plain"]) / raw:0.00}");
        Console.WriteLine($"adapter / raw (median of per-run ratios): gzip {Median([.. results["influx-adapter-gzip"].Zip(results["influx-raw-post"], (a, r) => a / r)]):0.00}, "
            + $"plain {Median([.. results["influx-adapter-plain"].Zip(results["influx-raw-post"], (a, r) => a / r)]):0.00}");

        return 0;

        void Record(string mode, int run, TimeSpan elapsed, double? serverCpu)
        {
            var rate = readings / elapsed.TotalSeconds;
            (results.TryGetValue(mode, out var list) ? list : results[mode] = []).Add(rate);
            var cpu = serverCpu is { } c ? $", influxd {c:0.0} CPU-s" : "";
            Console.WriteLine($"run {run} {mode,-22} {elapsed.TotalSeconds,6:0.00} s  {rate,9:N0} readings/s{cpu}");
        }

        async Task QueryAsync(string name, ITimeSeriesStore store)
        {
            var station = fleet.Stations[0].Id;
            var from = DateTimeOffset.FromUnixTimeMilliseconds(batches[0][0].TimestampMs);
            var to = from.AddDays(1);

            // One reading a minute per station: a full day has 1,440 buckets, a shorter run (--readings 20000) fewer.
            var expected = batches.SelectMany(b => b).Count(r => r.Device.Id == station && r.TimestampMs < to.ToUnixTimeMilliseconds());
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                var points = await store.ReadPvSeriesAsync(station, from, to, SeriesResolution.Minute, default);
                watch.Stop();
                if (points.Count != expected)
                {
                    throw new InvalidOperationException($"{name}: expected {expected:N0} buckets, got {points.Count}");
                }

                (queries.TryGetValue(name, out var list) ? list : queries[name] = []).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        InfluxTimeSeriesStore InfluxStore(string url, string database, bool gzip) => new(
            fleet,
            Options.Create(new StorageOptions { Provider = StorageProvider.InfluxDB, InfluxDB = { Url = url, Version = 1, Database = database, Gzip = gzip } }),
            TimeProvider.System,
            NullLogger<InfluxTimeSeriesStore>.Instance);

        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    }
}
