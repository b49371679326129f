using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Telemetry.Core.Fleet;

namespace Telemetry.Portal.Fleet;

/// <summary>
/// Culture-sorted ranks of a registry's device texts (name, location, stage), computed once per registry, column and
/// culture: comparing strings in a culture (pinyin for zh-CN) for every sort of 100,000 devices would take longer than
/// the page may, comparing two ints does not. Devices with equal texts share a rank.
/// </summary>
internal sealed class FleetOrder
{
    private static readonly ConditionalWeakTable<FleetRegistry, FleetOrder> Cache = [];

    private readonly FleetRegistry _fleet;
    private readonly ConcurrentDictionary<(string Column, string Culture), int[]> _ranks = new();

    private FleetOrder(FleetRegistry fleet) => _fleet = fleet;

    public static FleetOrder Of(FleetRegistry fleet) => Cache.GetValue(fleet, f => new FleetOrder(f));

    /// <summary>Rank of each device (by <see cref="Device.Index"/>) when sorted by <paramref name="column"/> in <paramref name="culture"/>.</summary>
    public int[] Ranks(string column, CultureInfo culture) =>
        _ranks.GetOrAdd((column, culture.Name), key => Rank(Text(key.Column), culture.CompareInfo));

    private static Func<Device, string> Text(string column) => column switch
    {
        "name" => d => d.Name,
        "location" => d => d.Village.County.Id + "/" + d.Village.Id,
        "stage" => d => (d as Barn)?.Stage ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a text column"),
    };

    private int[] Rank(Func<Device, string> text, CompareInfo compare)
    {
        var devices = _fleet.Devices;
        var keys = new SortKey[devices.Count];
        var order = new int[devices.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = compare.GetSortKey(text(devices[i]));
            order[i] = i;
        }

        Array.Sort(order, (a, b) => SortKey.Compare(keys[a], keys[b]));
        var ranks = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            ranks[order[i]] = i > 0 && SortKey.Compare(keys[order[i]], keys[order[i - 1]]) == 0 ? ranks[order[i - 1]] : i;
        }

        return ranks;
    }
}
