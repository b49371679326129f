using System.Globalization;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>Arguments of the <c>e2e</c> mode (passed by <c>bench/run</c>) and the durations of the full and quick runs.</summary>
internal sealed record E2eSettings
{
    public required string PortalDll { get; init; }

    public required string SimulatorsDll { get; init; }

    public required string BenchDll { get; init; }

    public required string Work { get; init; }

    public required string Output { get; init; }

    public bool Quick { get; init; }

    /// <summary>Registered devices (the generated fleet the service loads).</summary>
    public int FleetSize { get; init; } = 100_000;

    /// <summary>A running Mosquitto (started by bench/run) for the external scenarios; none = embedded only.</summary>
    public int? MosquittoPort { get; init; }

    public int? MosquittoPid { get; init; }

    /// <summary>A running influxd 1.x (started by bench/run) for the external scenarios.</summary>
    public string? InfluxUrl { get; init; }

    public int? InfluxPid { get; init; }

    /// <summary>Only these scenario groups (embedded, sustained, memory, external); all when empty.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public string Synchronous { get; init; } = "Full";

    /// <summary>Devices (connections) of the throughput runs.</summary>
    public int Devices { get; init; } = 2_000;

    public double SustainedRate { get; init; } = 52_500;

    public double SustainedSeconds { get; init; } = 300;

    /// <summary>Rounds of the alternating reference / ingest runs (the ratio is the median over rounds).</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Length of each reference or ingest run, warm-up included.</summary>
    public double RatioSeconds { get; init; } = 25;

    /// <summary>Seconds at the start of each run that are not measured (connections, JIT, queues filling).</summary>
    public double WarmupSeconds { get; init; } = 5;

    /// <summary>
    /// Length of the unmeasured warm-up runs (ingest and reference, 1 and 10 readings a message) before the measured rounds:
    /// a service that has just started spends the first tens of seconds of load compiling its hot paths (tiered JIT, a fifth
    /// of a core measured with dotnet-counters), which a long-running service does not. 0 = none (the quick run).
    /// </summary>
    public double WarmupRunSeconds { get; init; } = 15;

    /// <summary>Longest wait after a run for the service to go idle (the tail of one run must not count in the next).</summary>
    public double SettleSeconds { get; init; } = 30;

    /// <summary>Devices that each send a few readings in the memory run.</summary>
    public int MemoryDevices { get; init; } = 100_000;

    /// <summary>Seconds the service stays up after the memory figure is read, so <c>dotnet-gcdump</c>/<c>dotnet-counters</c> can look at it (0 = none).</summary>
    public double MemoryHoldSeconds { get; init; }

    /// <summary>Sustained run on Mosquitto + InfluxDB (seconds; 0 = skipped).</summary>
    public double ExternalSustainedSeconds { get; init; } = 120;

    public bool Runs(string group) => Only.Count == 0 || Only.Contains(group);

    public static E2eSettings Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int? Int(string name) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        double? Double(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
        var quick = args.Contains("--quick");

        // --quick: a smoke run of every scenario in under 3 minutes (a smaller registry, one round, short runs).
        var fleet = Int("--fleet-size") ?? (quick ? 20_000 : 100_000);
        return new E2eSettings
        {
            PortalDll = Value("--portal") ?? throw new ArgumentException("--portal <Telemetry.Portal.dll> is required"),
            SimulatorsDll = Value("--simulators") ?? throw new ArgumentException("--simulators <Telemetry.Simulators.dll> is required"),
            BenchDll = typeof(E2eSettings).Assembly.Location,
            Work = Value("--work") ?? Directory.CreateTempSubdirectory("telemetry-e2e-").FullName,
            Output = Value("--out") ?? "artifacts/bench/e2e.json",
            Quick = quick,
            FleetSize = fleet,
            MosquittoPort = Int("--mosquitto-port"),
            MosquittoPid = Int("--mosquitto-pid"),
            InfluxUrl = Value("--influx-url"),
            InfluxPid = Int("--influx-pid"),
            Only = Value("--only") is { } only ? only.Split(',').ToHashSet() : new HashSet<string>(),
            Synchronous = Value("--synchronous") ?? "Full",
            Devices = Int("--devices") ?? (quick ? 1_000 : 2_000),
            // 5 % above the target: a generator paced at exactly 50,000/s measures a hair under it even when ingest keeps up.
            SustainedRate = Double("--rate") ?? 52_500,
            SustainedSeconds = Double("--sustained-seconds") ?? (quick ? 12 : 300),
            Rounds = Int("--rounds") ?? (quick ? 1 : 3),
            RatioSeconds = Double("--ratio-seconds") ?? (quick ? 8 : 25),
            WarmupSeconds = quick ? 3 : 5,
            WarmupRunSeconds = Double("--warmup-run-seconds") ?? (quick ? 0 : 15),
            SettleSeconds = quick ? 5 : 30,
            MemoryDevices = Math.Min(fleet, Int("--memory-devices") ?? (quick ? 2_000 : 100_000)),
            MemoryHoldSeconds = Double("--memory-hold") ?? 0,
            ExternalSustainedSeconds = Double("--external-sustained-seconds") ?? (quick ? 0 : 120),
        };
    }
}
