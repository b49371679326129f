using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// Runs one scenario: starts the load generator, polls the consumer (the service's stored count, the reference
/// subscriber's count, or the generator's own acknowledgements) and the processes' CPU every 250 ms, then measures the
/// rate over the steady window (after the warm-up), the losses (acknowledged but not in the store) and the latencies.
/// </summary>
internal sealed class ScenarioRunner(E2eSettings settings)
{
    public async Task<JsonObject> RunAsync(Scenario scenario)
    {
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {scenario.Name}{(scenario.Round > 0 ? $" (round {scenario.Round})" : "")}: {scenario.Load.Devices} devices, "
            + $"{scenario.Load.PerMessage}/message, {(scenario.Load.Rate > 0 ? scenario.Load.Rate + " readings/s" : scenario.Load.Sweep > 0 ? "sweep" : "max rate")}, load {LoadAverage()}");
        var load = scenario.Load;
        var service = scenario.Service;
        var loadBefore = LoadAverage();
        var fromMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 100;
        var storedBase = service is null ? 0 : await service.StoredAsync();
        var referenceBase = scenario.Subscriber?.Last?["messages"]?.GetValue<long>() ?? 0;
        var args = new List<string> { settings.SimulatorsDll };
        args.AddRange(load.Arguments(settings.FleetSize, scenario.Port, scenario.AlertUser, scenario.AlertPassword));
        await using var generator = ChildProcess.Start("load-" + scenario.Name, args, new Dictionary<string, string>(), settings.Work,
            Path.Combine(settings.Work, $"load-{scenario.Name}.log"));
        var clock = Stopwatch.StartNew();
        var samples = new List<Sample>();
        long backlogMax = 0;
        var warmup = load.Sweep > 0 ? 0 : settings.WarmupSeconds;
        var measure = load.Sweep > 0 ? double.MaxValue : load.Seconds - warmup - 2;
        double? firstConsumed = null;
        (Dictionary<long, long> Buckets, long Beyond)? latencyStart = null, latencyEnd = null;
        while (!generator.HasExited)
        {
            var t = clock.Elapsed.TotalSeconds;
            var progress = service is not null ? await service.ProgressAsync() : default;
            backlogMax = Math.Max(backlogMax, progress.DetectionBacklog);
            var consumed = service is not null ? progress.Stored - storedBase
                : scenario.Subscriber is not null ? ((scenario.Subscriber.Last?["messages"]?.GetValue<long>() ?? 0) - referenceBase) * load.PerMessage
                : generator.Last?["readingsAcked"]?.GetValue<long>() ?? 0;
            samples.Add(new Sample(t, consumed, progress, Cpu(service?.Process.Id), generator.Last?["cpuSeconds"]?.GetValue<double>() ?? 0,
                Cpu(scenario.BrokerPid), Cpu(scenario.StorePid), service?.Process.Sample().RssMb ?? 0));
            firstConsumed ??= consumed > 0 ? t : null;
            if (service is not null && firstConsumed is { } t0)
            {
                if (latencyStart is null && t >= t0 + warmup)
                {
                    latencyStart = await service.LatencyAsync();
                }
                else if (latencyEnd is null && t >= t0 + warmup + measure)
                {
                    latencyEnd = await service.LatencyAsync();
                }
            }

            await Task.Delay(250);
        }

        var toMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 100;
        await Task.Delay(300); // the final line
        var final = generator.Samples.LastOrDefault(s => s["final"]?.GetValue<bool>() == true) ?? new JsonObject();
        var acked = final["readingsAcked"]?.GetValue<long>() ?? 0;
        var result = new JsonObject
        {
            ["name"] = scenario.Name,
            ["round"] = scenario.Round,
            ["broker"] = scenario.Broker,
            ["store"] = scenario.Store,
            ["devices"] = load.Devices,
            ["readingsPerMessage"] = load.PerMessage,
            ["offeredReadingsPerSecond"] = load.Rate > 0 ? load.Rate : "max",
            ["seconds"] = load.Sweep > 0 ? Math.Round(clock.Elapsed.TotalSeconds, 1) : load.Seconds,
            ["readingsAcked"] = acked,
            ["readingsRejected"] = final["readingsRejected"]?.GetValue<long>() ?? 0,
            ["readingsFailed"] = final["readingsFailed"]?.GetValue<long>() ?? 0,
            ["connectFailures"] = final["connectFailures"]?.GetValue<long>() ?? 0,
        };
        if (generator.ExitCode != 0)
        {
            result["error"] = $"the load generator exited with {generator.ExitCode}; see load-{scenario.Name}.log";
        }

        Window(samples, firstConsumed, warmup, measure, result);
        if (service is not null)
        {
            await service.DrainAsync(storedBase + acked, TimeSpan.FromMinutes(5));
            latencyEnd ??= await service.LatencyAsync();
            var stored = await service.CountStoredAsync(fromMs, toMs);
            result["readingsInStore"] = stored;
            result["lost"] = Math.Max(0, acked - stored);
            latencyStart ??= (new Dictionary<long, long>(), 0);
            result["latencyMs"] = Json(Distribution.OfHistogram(
                latencyEnd.Value.Buckets.ToDictionary(b => b.Key, b => b.Value - latencyStart.Value.Buckets.GetValueOrDefault(b.Key)),
                latencyEnd.Value.Beyond - latencyStart.Value.Beyond));
            var memory = service.Process.Sample();
            result["serviceRssMb"] = Math.Round(memory.RssMb, 1);
            result["servicePeakRssMb"] = Math.Round(memory.PeakRssMb, 1);
            result["detectionBacklogMax"] = backlogMax;
            result["serviceStats"] = await service.StatsAsync();
        }
        else if (scenario.Subscriber is not null)
        {
            var received = await SettledAsync(() => ((scenario.Subscriber.Last?["messages"]?.GetValue<long>() ?? 0) - referenceBase) * load.PerMessage);
            result["readingsDelivered"] = received;
            result["lost"] = Math.Max(0, acked - received);
        }

        if (load.AlertsPerSecond > 0)
        {
            var latencies = final["alertLatenciesMs"]?.AsArray().Select(v => v!.GetValue<double>()).ToList() ?? [];
            result["alertsInjected"] = final["alertsInjected"]?.GetValue<int>() ?? 0;
            result["alertsSeen"] = latencies.Count;
            result["alertLatencyMs"] = Json(Distribution.Of(latencies));
        }

        result["loadAverage"] = new JsonObject { ["before"] = loadBefore, ["after"] = LoadAverage() };
        Console.WriteLine($"    {result["readingsPerSecond"]} readings/s, lost {result["lost"] ?? 0}, stored p99 {result["latencyMs"]?["p99Ms"]?.ToJsonString() ?? "-"} ms, "
            + $"alert p99 {result["alertLatencyMs"]?["p99Ms"]?.ToJsonString() ?? "-"} ms, cpu {result["cpuCores"]?.ToJsonString()}");
        if (service is not null)
        {
            await service.WaitIdleAsync(TimeSpan.FromSeconds(settings.SettleSeconds)); // the tail of this run (queued detection, checkpoints) is not the next run's
        }

        return result;
    }

    private static void Window(List<Sample> samples, double? t0, double warmup, double measure, JsonObject result)
    {
        if (t0 is null || samples.Count < 2)
        {
            result["readingsPerSecond"] = 0;
            return;
        }

        var start = samples.FirstOrDefault(s => s.T >= t0.Value + warmup);
        var end = samples.LastOrDefault(s => s.T <= t0.Value + warmup + measure);
        if (end.T - start.T < 1)
        {
            (start, end) = (samples[0], samples[^1]);
        }

        var seconds = end.T - start.T;
        result["windowSeconds"] = Math.Round(seconds, 2);
        result["readingsPerSecond"] = Math.Round((end.Consumed - start.Consumed) / seconds);
        result["cpuCores"] = new JsonObject
        {
            ["service"] = Math.Round((end.ServiceCpu - start.ServiceCpu) / seconds, 2),
            ["loadGenerator"] = Math.Round((end.LoadCpu - start.LoadCpu) / seconds, 2),
            ["broker"] = Math.Round((end.BrokerCpu - start.BrokerCpu) / seconds, 2),
            ["store"] = Math.Round((end.StoreCpu - start.StoreCpu) / seconds, 2),
        };
        if (end.Consumed > start.Consumed)
        {
            // CPU per reading is less sensitive to what else runs on the machine than the rate.
            result["cpuMicrosecondsPerReading"] = new JsonObject
            {
                ["service"] = Math.Round((end.ServiceCpu - start.ServiceCpu) * 1e6 / (end.Consumed - start.Consumed), 1),
                ["loadGenerator"] = Math.Round((end.LoadCpu - start.LoadCpu) * 1e6 / (end.Consumed - start.Consumed), 1),
                ["broker"] = Math.Round((end.BrokerCpu - start.BrokerCpu) * 1e6 / (end.Consumed - start.Consumed), 1),
                ["store"] = Math.Round((end.StoreCpu - start.StoreCpu) * 1e6 / (end.Consumed - start.Consumed), 1),
            };
        }

        if (end.Service.Batches > start.Service.Batches)
        {
            // Group commit: how many readings one store write took, and how long it took.
            var batches = end.Service.Batches - start.Service.Batches;
            result["storeBatches"] = new JsonObject
            {
                ["count"] = batches,
                ["meanReadings"] = Math.Round((double)(end.Service.Stored - start.Service.Stored) / batches),
                ["meanWriteMs"] = Math.Round((end.Service.StoreWriteSeconds - start.Service.StoreWriteSeconds) * 1000 / batches, 1),
                ["writeBusyFraction"] = Math.Round((end.Service.StoreWriteSeconds - start.Service.StoreWriteSeconds) / seconds, 2),
            };
        }

        result["serviceRssMaxMb"] = Math.Round(samples.Max(s => s.ServiceRssMb), 1);
    }

    private static async Task<long> SettledAsync(Func<long> count)
    {
        var last = -1L;
        for (var stable = 0; stable < 8; await Task.Delay(250))
        {
            var now = count();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }

        return last;
    }

    private static double Cpu(int? pid) => pid is { } p ? ProcSample.Read(p).CpuSeconds : 0;

    private static JsonNode? Json(Distribution? d) => d is null ? null : new JsonObject
    {
        ["count"] = d.Count,
        ["p50Ms"] = d.P50Ms,
        ["p99Ms"] = d.P99Ms,
        ["p999Ms"] = d.P999Ms,
        ["maxMs"] = d.MaxMs,
    };

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
