using Telemetry.Core.Fleet;

namespace Telemetry.MicroBenchmarks.Support;

/// <summary>The shipped Jincheng sample registry (88 stations of the three classes, 18 barns), copied next to the program.</summary>
internal static class BenchFleet
{
    private static readonly Lazy<FleetRegistry> Sample = new(() =>
        FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")));

    public static FleetRegistry Jincheng => Sample.Value;

    public static Station Station(string id) => (Station)Device(id);

    public static Barn Barn(string id) => (Barn)Device(id);

    private static Device Device(string id) =>
        Jincheng.TryGetDevice(id, out var device) ? device : throw new KeyNotFoundException($"The sample fleet has no device '{id}'.");
}
