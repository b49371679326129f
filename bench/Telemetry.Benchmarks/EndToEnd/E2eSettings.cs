using System.Globalization;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>Arguments of the <c>e2e</c> mode (passed by <c>bench/run</c>).</summary>
internal sealed record E2eSettings
{
    public required string PortalDll { get; init; }

    public required string SimulatorsDll { get; init; }

    public required string BenchDll { get; init; }

    public required string Work { get; init; }

    public required string Output { get; init; }

    public bool Quick { get; init; }

    public int FleetSize { get; init; } = 100_000;

    /// <summary>A running Mosquitto (started by bench/run) for the external scenarios; none = embedded only.</summary>
    public int? MosquittoPort { get; init; }

    public int? MosquittoPid { get; init; }

    /// <summary>A running influxd 1.x (started by bench/run) for the external scenarios.</summary>
    public string? InfluxUrl { get; init; }

    public int? InfluxPid { get; init; }

    /// <summary>Only these scenario groups (embedded, external, memory); all when empty.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public string Synchronous { get; init; } = "Full";

    /// <summary>Devices (connections) of the throughput runs.</summary>
    public int Devices { get; init; } = 2_000;

    public double SustainedRate { get; init; } = 50_000;

    public double SustainedSeconds => Quick ? 40 : 300;

    public double RatioSeconds => Quick ? 14 : 30;

    public double WarmupSeconds => Quick ? 5 : 10;

    /// <summary>Devices that each send a few readings in the memory run (the whole registry in the full run).</summary>
    public int MemoryDevices => Quick ? Math.Min(FleetSize, 20_000) : FleetSize;

    public bool Runs(string group) => Only.Count == 0 || Only.Contains(group);

    public static E2eSettings Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int? Int(string name) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new E2eSettings
        {
            PortalDll = Value("--portal") ?? throw new ArgumentException("--portal <Telemetry.Portal.dll> is required"),
            SimulatorsDll = Value("--simulators") ?? throw new ArgumentException("--simulators <Telemetry.Simulators.dll> is required"),
            BenchDll = typeof(E2eSettings).Assembly.Location,
            Work = Value("--work") ?? Directory.CreateTempSubdirectory("telemetry-e2e-").FullName,
            Output = Value("--out") ?? "artifacts/bench/e2e.json",
            Quick = args.Contains("--quick"),
            FleetSize = Int("--fleet-size") ?? 100_000,
            MosquittoPort = Int("--mosquitto-port"),
            MosquittoPid = Int("--mosquitto-pid"),
            InfluxUrl = Value("--influx-url"),
            InfluxPid = Int("--influx-pid"),
            Only = Value("--only") is { } only ? only.Split(',').ToHashSet() : new HashSet<string>(),
            Synchronous = Value("--synchronous") ?? "Full",
            Devices = Int("--devices") ?? 2_000,
            SustainedRate = Int("--rate") ?? 50_000,
        };
    }
}
