using System.Diagnostics.CodeAnalysis;

namespace Telemetry.Core.Fleet;

/// <summary>
/// The validated, immutable fleet: regions, crews, households, stations and barns, with lookups by id.
/// Build one with <see cref="FleetRegistryLoader"/>.
/// </summary>
public sealed class FleetRegistry
{
    private readonly Dictionary<string, Device> _devices;
    private readonly Dictionary<string, Device>.AlternateLookup<ReadOnlySpan<char>> _devicesBySpan;
    private readonly Dictionary<string, Village> _villages;
    private readonly Dictionary<string, Household> _households;

    internal FleetRegistry(
        string name,
        IReadOnlyList<County> counties,
        IReadOnlyList<Crew> crews,
        IReadOnlyList<Household> households,
        IReadOnlyList<Station> stations,
        IReadOnlyList<Barn> barns)
    {
        Name = name;
        Counties = counties;
        Crews = crews;
        Households = households;
        Stations = stations;
        Barns = barns;
        Villages = [.. counties.SelectMany(c => c.Townships).SelectMany(t => t.Villages)];
        Devices = [.. stations.Cast<Device>().Concat(barns)];
        for (var i = 0; i < Devices.Count; i++)
        {
            Devices[i].Index = i;
        }

        _devices = Devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _devicesBySpan = _devices.GetAlternateLookup<ReadOnlySpan<char>>();
        _villages = Villages.ToDictionary(v => v.Id, StringComparer.Ordinal);
        _households = households.ToDictionary(h => h.Id, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<County> Counties { get; }

    public IReadOnlyList<Village> Villages { get; }

    public IReadOnlyList<Crew> Crews { get; }

    public IReadOnlyList<Household> Households { get; }

    public IReadOnlyList<Station> Stations { get; }

    public IReadOnlyList<Barn> Barns { get; }

    /// <summary>Stations then barns; <see cref="Device.Index"/> is the position in this list.</summary>
    public IReadOnlyList<Device> Devices { get; }

    public bool TryGetDevice(string id, [NotNullWhen(true)] out Device? device) => _devices.TryGetValue(id, out device);

    /// <summary>Looks a device up by a slice of a topic without allocating a string.</summary>
    public bool TryGetDevice(ReadOnlySpan<char> id, [NotNullWhen(true)] out Device? device) =>
        _devicesBySpan.TryGetValue(id, out device);

    public bool TryGetVillage(string id, [NotNullWhen(true)] out Village? village) => _villages.TryGetValue(id, out village);

    public bool TryGetHousehold(string id, [NotNullWhen(true)] out Household? household) =>
        _households.TryGetValue(id, out household);
}
