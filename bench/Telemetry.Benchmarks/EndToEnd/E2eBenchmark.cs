using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telemetry.Core.Security;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end benchmark (<c>bench/run</c>, docs/benchmarks.md): a generated registry, the service as its own process,
/// the load generator as another, and per broker the do-nothing reference; results to <c>artifacts/bench/e2e.json</c>.
/// </summary>
internal static class E2eBenchmark
{
    private const string WatchUser = "bench-alert-watcher";
    private const string WatchPassword = "bench-watch-password";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = E2eSettings.Parse(args);
        Directory.CreateDirectory(settings.Work);
        var runner = new ScenarioRunner(settings);
        var fleet = Path.Combine(settings.Work, "fleet.json");
        await using (var writer = ChildProcess.Start("fleet", [settings.SimulatorsDll, "load", "--write-fleet", fleet, "--fleet-size", settings.FleetSize.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string>(), settings.Work, Path.Combine(settings.Work, "fleet.log")))
        {
            await writer.WaitForExitAsync(TimeSpan.FromMinutes(5));
        }

        var scenarios = new JsonArray();
        var output = new JsonObject
        {
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            ["mode"] = settings.Quick ? "quick" : "full",
            ["machine"] = Machine(),
            ["fleetDevices"] = settings.FleetSize,
            ["sqliteSynchronous"] = settings.Synchronous,
            ["scenarios"] = scenarios,
        };
        var d = settings.Devices;
        var ratio = settings.RatioSeconds;
        if (settings.Runs("embedded") || settings.Runs("memory"))
        {
            if (settings.Runs("embedded"))
            {
                var referencePort = FreePort.Next();
                await using var reference = ChildProcess.Start("reference-broker", [settings.BenchDll, "reference-broker", "--port", referencePort.ToString(CultureInfo.InvariantCulture)],
                    new Dictionary<string, string>(), settings.Work, Path.Combine(settings.Work, "reference-broker.log"));
                await Task.Delay(2_000);
                foreach (var k in new[] { 1, 10 })
                {
                    scenarios.Add(await runner.RunAsync(new Scenario($"reference-embedded-{k}", "embedded MQTTnet", "none (do-nothing interception)", referencePort,
                        new LoadSpec(d, k, 0, ratio)) { BrokerPid = reference.Id }));
                }
            }

            var brokerPort = FreePort.Next();
            var database = Path.Combine(settings.Work, "telemetry.db");
            await using var service = await ServiceUnderTest.StartAsync(settings, "service-embedded", new Dictionary<string, string>(Common(settings, fleet, "embedded"))
            {
                ["Broker__Mode"] = "Embedded",
                ["Broker__Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
                ["Broker__BindAddress"] = "127.0.0.1",
                ["Broker__Accounts__0__Username"] = WatchUser,
                ["Broker__Accounts__0__PasswordHash"] = CredentialHasher.Hash(WatchPassword, 1_000),
                ["Storage__Provider"] = "Sqlite",
                ["Storage__Sqlite__Path"] = database,
                ["Storage__Sqlite__Synchronous"] = settings.Synchronous,
            }, database, null);
            output["serviceStartRssMb"] = Math.Round(service.Process.Sample().RssMb, 1);
            if (settings.Runs("embedded"))
            {
                foreach (var k in new[] { 1, 10 })
                {
                    scenarios.Add(await runner.RunAsync(new Scenario($"ingest-embedded-{k}", "embedded MQTTnet", "SQLite", brokerPort, new LoadSpec(d, k, 0, ratio)) { Service = service }));
                }

                scenarios.Add(await runner.RunAsync(new Scenario("sustained-embedded", "embedded MQTTnet", "SQLite", brokerPort,
                    new LoadSpec(d, 10, settings.SustainedRate, settings.SustainedSeconds, AlertsPerSecond: settings.Quick ? 2 : 1))
                { Service = service, AlertUser = WatchUser, AlertPassword = WatchPassword }));
            }

            if (settings.Runs("memory"))
            {
                scenarios.Add(await runner.RunAsync(new Scenario("memory-embedded", "embedded MQTTnet", "SQLite", brokerPort,
                    new LoadSpec(settings.MemoryDevices, 3, 0, 0, Sweep: 2)) { Service = service }));
                await Task.Delay(TimeSpan.FromSeconds(5)); // detector and live state settle; offline timers armed
                var memory = service.Process.Sample();
                output["memoryDevicesReported"] = settings.MemoryDevices;
                output["memoryRssMb"] = Math.Round(memory.RssMb, 1);
            }

            output["embeddedPeakRssMb"] = Math.Round(service.Process.Sample().PeakRssMb, 1);
        }

        if (settings.Runs("external") && settings.MosquittoPort is { } mqtt && settings.InfluxUrl is { } influx)
        {
            await using (var subscriber = ChildProcess.Start("reference-subscriber", [settings.BenchDll, "reference-subscriber", "--port", mqtt.ToString(CultureInfo.InvariantCulture)],
                new Dictionary<string, string>(), settings.Work, Path.Combine(settings.Work, "reference-subscriber.log")))
            {
                await Task.Delay(2_000);
                foreach (var k in new[] { 1, 10 })
                {
                    scenarios.Add(await runner.RunAsync(new Scenario($"reference-mosquitto-{k}", "Mosquitto 2.0", "none (counting subscriber)", mqtt, new LoadSpec(d, k, 0, ratio))
                    { Subscriber = subscriber, BrokerPid = settings.MosquittoPid }));
                }
            }

            await using var service = await ServiceUnderTest.StartAsync(settings, "service-external", new Dictionary<string, string>(Common(settings, fleet, "external"))
            {
                ["Broker__Mode"] = "External",
                ["Broker__Host"] = "127.0.0.1",
                ["Broker__Port"] = mqtt.ToString(CultureInfo.InvariantCulture),
                ["Broker__ClientId"] = "bench-ingest",
                ["Storage__Provider"] = "InfluxDB",
                ["Storage__InfluxDB__Url"] = influx,
                ["Storage__InfluxDB__Version"] = "1",
            }, null, influx);
            foreach (var k in new[] { 1, 10 })
            {
                scenarios.Add(await runner.RunAsync(new Scenario($"ingest-mosquitto-{k}", "Mosquitto 2.0", "InfluxDB 1.6", mqtt, new LoadSpec(d, k, 0, ratio))
                { Service = service, BrokerPid = settings.MosquittoPid, StorePid = settings.InfluxPid }));
            }

            scenarios.Add(await runner.RunAsync(new Scenario("sustained-mosquitto", "Mosquitto 2.0", "InfluxDB 1.6", mqtt,
                new LoadSpec(d, 10, settings.SustainedRate, settings.Quick ? 30 : 120, AlertsPerSecond: 1))
            { Service = service, BrokerPid = settings.MosquittoPid, StorePid = settings.InfluxPid }));
            output["externalPeakRssMb"] = Math.Round(service.Process.Sample().PeakRssMb, 1);
        }

        Summarize(output, scenarios);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        await File.WriteAllTextAsync(settings.Output, output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {settings.Output}");
        return 0;
    }

    private static Dictionary<string, string> Common(E2eSettings settings, string fleet, string name) => new()
    {
        ["Fleet__Path"] = fleet,
        ["Storage__Spool__Path"] = Path.Combine(settings.Work, name + "-spool"),
        ["Ingest__DeadLetterPath"] = Path.Combine(settings.Work, name + "-deadletter.jsonl"),
        ["Alerts__DatabasePath"] = Path.Combine(settings.Work, name + "-alerts.db"),
        ["Revenue__LedgerPath"] = Path.Combine(settings.Work, name + "-revenue.db"),
    };

    /// <summary>The required top-level fields: the headline is the sustained embedded run; ratios per broker and batch size.</summary>
    private static void Summarize(JsonObject output, JsonArray scenarios)
    {
        JsonNode? Find(string name) => scenarios.FirstOrDefault(s => s!["name"]!.GetValue<string>() == name);
        double Rate(string name) => Find(name)?["readingsPerSecond"] is { } n ? double.Parse(n.ToJsonString(), CultureInfo.InvariantCulture) : 0;
        var ratios = new JsonObject();
        foreach (var broker in new[] { "embedded", "mosquitto" })
        {
            foreach (var k in new[] { 1, 10 })
            {
                var reference = Rate($"reference-{broker}-{k}");
                if (reference > 0 && Find($"ingest-{broker}-{k}") is not null)
                {
                    ratios[$"{broker}-{k}"] = Math.Round(Rate($"ingest-{broker}-{k}") / reference, 3);
                }
            }
        }

        var headline = Find("sustained-embedded") ?? Find("sustained-mosquitto");
        output["headline"] = headline?["name"]?.GetValue<string>();
        output["readingsPerSecond"] = headline?["readingsPerSecond"]?.DeepClone();
        output["referencePerSecond"] = (Find("reference-embedded-10") ?? Find("reference-mosquitto-10"))?["readingsPerSecond"]?.DeepClone();
        output["latencyP99Ms"] = headline?["latencyMs"]?["p99Ms"]?.DeepClone();
        output["alertLatencyP99Ms"] = headline?["alertLatencyMs"]?["p99Ms"]?.DeepClone();
        output["peakRssMb"] = (output["embeddedPeakRssMb"] ?? output["externalPeakRssMb"])?.DeepClone();
        output["lost"] = scenarios.Where(s => s!["name"]!.GetValue<string>().StartsWith("ingest", StringComparison.Ordinal)
            || s!["name"]!.GetValue<string>().StartsWith("sustained", StringComparison.Ordinal)
            || s!["name"]!.GetValue<string>().StartsWith("memory", StringComparison.Ordinal)).Sum(s => s!["lost"] is { } n ? long.Parse(n.ToJsonString(), CultureInfo.InvariantCulture) : 0);
        output["ingestToReferenceRatios"] = ratios;
    }

    private static JsonObject Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new JsonObject
        {
            ["cpu"] = cpu,
            ["cores"] = Environment.ProcessorCount,
            ["memoryGb"] = Math.Round(long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0, 1),
            ["os"] = Environment.OSVersion.VersionString,
            ["dotnet"] = Environment.Version.ToString(),
            ["loadAverageAtStart"] = ScenarioRunner.LoadAverage(),
        };
    }
}
