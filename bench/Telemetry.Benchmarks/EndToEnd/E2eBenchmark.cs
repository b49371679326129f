using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telemetry.Core.Security;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end benchmark (<c>bench/run</c>, docs/benchmarks.md): a generated registry, the service as its own process,
/// the load generator as another, and per broker the do-nothing reference, alternating with the service run by run so
/// that both see the same machine; results to <c>artifacts/bench/e2e.json</c> (<see cref="E2eSummary"/>).
/// </summary>
internal static class E2eBenchmark
{
    private const string WatchUser = "bench-alert-watcher";
    private const string WatchPassword = "bench-watch-password";
    private const string ReferencePrefix = "ref/";

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
            ["devices"] = settings.Devices,
            ["rounds"] = settings.Rounds,
            ["sqliteSynchronous"] = settings.Synchronous,
            ["scenarios"] = scenarios,
        };
        if (settings.Runs("embedded") || settings.Runs("sustained") || settings.Runs("memory"))
        {
            await EmbeddedAsync(settings, runner, fleet, output, scenarios);
        }

        if (settings.Runs("external") && settings.MosquittoPort is { } mqtt && settings.InfluxUrl is { } influx)
        {
            await ExternalAsync(settings, runner, fleet, mqtt, influx, output, scenarios);
        }

        output["loadAverageAtEnd"] = ScenarioRunner.LoadAverage();
        E2eSummary.Summarize(settings, output, scenarios);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        await File.WriteAllTextAsync(settings.Output, output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(E2eSummary.Table(output));
        Console.WriteLine($"wrote {settings.Output}");
        return 0;
    }

    private static async Task EmbeddedAsync(E2eSettings settings, ScenarioRunner runner, string fleet, JsonObject output, JsonArray scenarios)
    {
        var d = settings.Devices;
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
        output["embeddedService"] = service.StartupJson();
        if (settings.Runs("embedded"))
        {
            var referencePort = FreePort.Next();
            await using var reference = ChildProcess.Start("reference-broker", [settings.BenchDll, "reference-broker", "--port", referencePort.ToString(CultureInfo.InvariantCulture)],
                new Dictionary<string, string>(), settings.Work, Path.Combine(settings.Work, "reference-broker.log"));
            await ChildProcess.WaitForPortAsync(referencePort, TimeSpan.FromSeconds(30));
            if (settings.WarmupRunSeconds > 0)
            {
                // Not recorded: both processes get their hot paths compiled before the measured rounds.
                foreach (var k in new[] { 1, 10 })
                {
                    var warm = new LoadSpec(d, k, 0, settings.WarmupRunSeconds);
                    _ = await runner.RunAsync(new Scenario($"warm-up reference-embedded-{k}", "embedded MQTTnet", "none", referencePort, warm) { BrokerPid = reference.Id });
                    _ = await runner.RunAsync(new Scenario($"warm-up ingest-embedded-{k}", "embedded MQTTnet", "SQLite", brokerPort, warm) { Service = service });
                }
            }

            for (var round = 1; round <= settings.Rounds; round++)
            {
                foreach (var k in new[] { 1, 10 })
                {
                    var load = new LoadSpec(d, k, 0, settings.RatioSeconds);
                    scenarios.Add(await runner.RunAsync(new Scenario($"reference-embedded-{k}", "embedded MQTTnet", "none (do-nothing interception)", referencePort, load)
                    { BrokerPid = reference.Id, Round = round }));
                    scenarios.Add(await runner.RunAsync(new Scenario($"ingest-embedded-{k}", "embedded MQTTnet", "SQLite", brokerPort, load) { Service = service, Round = round }));
                }
            }
        }

        if (settings.Runs("sustained"))
        {
            scenarios.Add(await runner.RunAsync(new Scenario("sustained-embedded", "embedded MQTTnet", "SQLite", brokerPort,
                new LoadSpec(d, 10, settings.SustainedRate, settings.SustainedSeconds, AlertsPerSecond: settings.Quick ? 2 : 1))
            { Service = service, AlertUser = WatchUser, AlertPassword = WatchPassword }));
        }

        if (settings.Runs("memory"))
        {
            // Every registered device (or --memory-devices of them) connects, sends a few readings and disconnects, so
            // each has live state and detector state; then the service's resident memory is read.
            scenarios.Add(await runner.RunAsync(new Scenario("memory-embedded", "embedded MQTTnet", "SQLite", brokerPort,
                new LoadSpec(settings.MemoryDevices, 3, 0, 0, Sweep: 2))
            { Service = service }));
            await service.WaitIdleAsync(TimeSpan.FromSeconds(60));
            var memory = service.Process.Sample();
            output["memory"] = new JsonObject
            {
                ["registeredDevices"] = settings.FleetSize,
                ["devicesThatReported"] = settings.MemoryDevices,
                ["rssMb"] = Math.Round(memory.RssMb, 1),
                ["peakRssMb"] = Math.Round(memory.PeakRssMb, 1),
                ["detectorDevices"] = (await service.StatsAsync())["devicesOnline"]?.DeepClone(),
                ["loadAverage"] = ScenarioRunner.LoadAverage(),
            };
            if (settings.MemoryHoldSeconds > 0)
            {
                Console.WriteLine($"memory: {memory.RssMb:F1} MiB RSS; service pid {service.Process.Id} held for {settings.MemoryHoldSeconds} s (--memory-hold)");
                await Task.Delay(TimeSpan.FromSeconds(settings.MemoryHoldSeconds));
            }
        }

        output["embeddedPeakRssMb"] = Math.Round(service.Process.Sample().PeakRssMb, 1);
    }

    private static async Task ExternalAsync(E2eSettings settings, ScenarioRunner runner, string fleet, int mqtt, string influx, JsonObject output, JsonArray scenarios)
    {
        var d = settings.Devices;
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
        output["externalService"] = service.StartupJson();
        await using (var subscriber = ChildProcess.Start("reference-subscriber",
            [settings.BenchDll, "reference-subscriber", "--port", mqtt.ToString(CultureInfo.InvariantCulture), "--topic-prefix", ReferencePrefix],
            new Dictionary<string, string>(), settings.Work, Path.Combine(settings.Work, "reference-subscriber.log")))
        {
            await subscriber.WaitForSampleAsync(TimeSpan.FromSeconds(30));
            if (settings.WarmupRunSeconds > 0)
            {
                foreach (var k in new[] { 1, 10 })
                {
                    var warm = new LoadSpec(d, k, 0, settings.WarmupRunSeconds);
                    _ = await runner.RunAsync(new Scenario($"warm-up ingest-mosquitto-{k}", "Mosquitto 2.0", "InfluxDB 1.6", mqtt, warm)
                    { Service = service, BrokerPid = settings.MosquittoPid, StorePid = settings.InfluxPid });
                }
            }

            for (var round = 1; round <= settings.Rounds; round++)
            {
                foreach (var k in new[] { 1, 10 })
                {
                    var load = new LoadSpec(d, k, 0, settings.RatioSeconds);
                    scenarios.Add(await runner.RunAsync(new Scenario($"reference-mosquitto-{k}", "Mosquitto 2.0", "none (counting subscriber)", mqtt,
                        load with { TopicPrefix = ReferencePrefix })
                    { Subscriber = subscriber, BrokerPid = settings.MosquittoPid, Round = round }));
                    scenarios.Add(await runner.RunAsync(new Scenario($"ingest-mosquitto-{k}", "Mosquitto 2.0", "InfluxDB 1.6", mqtt, load)
                    { Service = service, BrokerPid = settings.MosquittoPid, StorePid = settings.InfluxPid, Round = round }));
                }
            }
        }

        if (settings.ExternalSustainedSeconds > 0)
        {
            scenarios.Add(await runner.RunAsync(new Scenario("sustained-mosquitto", "Mosquitto 2.0", "InfluxDB 1.6", mqtt,
                new LoadSpec(d, 10, settings.SustainedRate, settings.ExternalSustainedSeconds, AlertsPerSecond: 1))
            { Service = service, BrokerPid = settings.MosquittoPid, StorePid = settings.InfluxPid }));
        }

        output["externalPeakRssMb"] = Math.Round(service.Process.Sample().PeakRssMb, 1);
    }

    private static Dictionary<string, string> Common(E2eSettings settings, string fleet, string name) => new()
    {
        ["Fleet__Path"] = fleet,
        ["Storage__Spool__Path"] = Path.Combine(settings.Work, name + "-spool"),
        ["Ingest__DeadLetterPath"] = Path.Combine(settings.Work, name + "-deadletter.jsonl"),
        ["Alerts__DatabasePath"] = Path.Combine(settings.Work, name + "-alerts.db"),
        ["Revenue__LedgerPath"] = Path.Combine(settings.Work, name + "-revenue.db"),
    };

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
