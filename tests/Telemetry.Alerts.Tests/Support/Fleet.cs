using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>The sample Jincheng fleet, loaded once.</summary>
internal static class Fleet
{
    private static readonly Lazy<FleetRegistry> Jincheng = new(() => FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")));

    public static FleetRegistry Sample => Jincheng.Value;
}
