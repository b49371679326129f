using Blazor.Diagrams.Core.Geometry;
using Telemetry.Core.Fleet;
using Telemetry.Portal.Localization;

namespace Telemetry.Portal.Topology;

/// <summary>
/// The two levels of the topology: the whole city (city → counties, a legible overview of every county's state) and
/// one county (county → villages → stations and barns). Showing one county at a time keeps 40 villages and 106 devices
/// readable on a laptop.
/// </summary>
internal static class TopologyBuilder
{
    public static readonly Size RegionSize = new(196, 56);
    public static readonly Size VillageSize = new(168, 48);
    public static readonly Size DeviceSize = new(248, 48);

    public static FleetNodeModel City(FleetRegistry fleet, string title, Func<County, string> caption)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(caption);
        var root = new FleetNodeModel("city", TopologyNodeKind.City, title, RegionSize, fleet.Devices);
        foreach (var county in fleet.Counties)
        {
            root.Children.Add(CountyNode(fleet, county, caption(county)));
        }

        return root;
    }

    public static FleetNodeModel County(FleetRegistry fleet, County county, string caption)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(county);
        var root = CountyNode(fleet, county, caption);
        foreach (var village in county.Townships.SelectMany(t => t.Villages))
        {
            var devices = fleet.Devices.Where(d => d.Village == village).ToList();
            var node = new FleetNodeModel("village-" + village.Id, TopologyNodeKind.Village, village.VillageName(), VillageSize, devices)
            {
                Caption = village.Township.Name,
            };
            foreach (var device in devices)
            {
                var kind = device is Station ? TopologyNodeKind.Station : TopologyNodeKind.Barn;
                node.Children.Add(new FleetNodeModel("device-" + device.Id, kind, device.Name, DeviceSize, [device])
                {
                    Device = device,
                    Caption = device.Id,
                });
            }

            root.Children.Add(node);
        }

        return root;
    }

    /// <summary>The node and every node below it, parents first.</summary>
    public static IEnumerable<FleetNodeModel> Flatten(FleetNodeModel root)
    {
        ArgumentNullException.ThrowIfNull(root);
        yield return root;
        foreach (var node in root.Children.SelectMany(Flatten))
        {
            yield return node;
        }
    }

    private static FleetNodeModel CountyNode(FleetRegistry fleet, County county, string caption) =>
        new("county-" + county.Id, TopologyNodeKind.County, county.CountyName(), RegionSize, fleet.Devices.Where(d => d.Village.County == county))
        {
            County = county,
            Caption = caption,
        };
}
