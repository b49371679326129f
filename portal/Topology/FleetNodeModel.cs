using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;
using Telemetry.Portal.Fleet;

namespace Telemetry.Portal.Topology;

/// <summary>
/// A node of the topology diagram: a device, or a region (city, county, village) that summarises the devices under it.
/// Its size is fixed by the layout (<see cref="NodeModel.ControlledSize"/>), so links do not wait for the browser to
/// measure it.
/// </summary>
public sealed class FleetNodeModel : NodeModel
{
    private readonly int[] _deviceIndexes;

    public FleetNodeModel(string id, TopologyNodeKind kind, string title, Size size, IEnumerable<Device> devices)
        : base(id, new Point(0, 0))
    {
        Kind = kind;
        Title = title;
        Size = size;
        ControlledSize = true;
        Locked = true;
        _deviceIndexes = [.. devices.Select(d => d.Index)];
    }

    public TopologyNodeKind Kind { get; }

    /// <summary>The device of a station or barn node.</summary>
    public Device? Device { get; init; }

    /// <summary>The county a county node stands for (the city overview drills down into it).</summary>
    public County? County { get; init; }

    /// <summary>A short line under the title that does not change (id, township…).</summary>
    public string? Caption { get; init; }

    public List<FleetNodeModel> Children { get; } = [];

    public DeviceHealth Health { get; private set; } = DeviceHealth.NoData;

    /// <summary>Devices under this node (1 for a device) and how many of them are online.</summary>
    public int DeviceCount => _deviceIndexes.Length;

    public int OnlineCount { get; private set; }

    /// <summary>The device's newest reading while it is online; null otherwise.</summary>
    public Reading? Reading { get; private set; }

    /// <summary>Takes the state from the snapshots (indexed by <see cref="Device.Index"/>); true when it changed.</summary>
    public bool Update(IReadOnlyList<DeviceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        DeviceHealth health;
        int online;
        Reading? reading = null;
        if (Device is { } device)
        {
            var snapshot = snapshots[device.Index];
            health = FleetOverview.HealthOf(snapshot);
            online = snapshot.Online ? 1 : 0;
            reading = snapshot.Online ? snapshot.Latest : null;
        }
        else
        {
            var healths = _deviceIndexes.Select(i => FleetOverview.HealthOf(snapshots[i])).ToList();
            online = _deviceIndexes.Count(i => snapshots[i].Online);
            health = Aggregate(healths);
        }

        var changed = health != Health || online != OnlineCount || !ReferenceEquals(reading, Reading);
        (Health, OnlineCount, Reading) = (health, online, reading);
        return changed;
    }

    /// <summary>
    /// A region is grey when nothing under it ever reported, red when most of its reporting devices are offline, amber
    /// when some are offline or in alarm, and green otherwise. Devices that never reported do not colour a region (they
    /// show in its online count): a half-commissioned village is not a fault.
    /// </summary>
    public static DeviceHealth Aggregate(IReadOnlyCollection<DeviceHealth> healths)
    {
        ArgumentNullException.ThrowIfNull(healths);
        var reporting = healths.Count(h => h != DeviceHealth.NoData);
        if (reporting == 0)
        {
            return DeviceHealth.NoData;
        }

        var offline = healths.Count(h => h == DeviceHealth.Offline);
        if (offline * 2 > reporting)
        {
            return DeviceHealth.Offline;
        }

        return offline > 0 || healths.Contains(DeviceHealth.Warning) ? DeviceHealth.Warning : DeviceHealth.Online;
    }
}
