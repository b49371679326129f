using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Telemetry.Core.Fleet;

namespace Telemetry.Portal.Fleet;

/// <summary>
/// What sorting and searching a registry's devices needs that costs too much per render at 100,000 devices, computed once
/// per registry: culture-sorted ranks of the device texts (name, location, stage), once per column and culture —
/// comparing strings in a culture (pinyin for zh-CN) for every sort would take longer than the page may, comparing two
/// ints does not; devices with equal texts share a rank — and each device's searchable text in lower case.
/// </summary>
internal sealed class FleetOrder
{
    private static readonly ConditionalWeakTable<FleetRegistry, FleetOrder> Cache = [];

    private readonly FleetRegistry _fleet;
    private readonly ConcurrentDictionary<(string Column, string Culture), int[]> _ranks = new();

    private readonly Lazy<string[]> _searchTexts;

    private FleetOrder(FleetRegistry fleet)
    {
        _fleet = fleet;
        _searchTexts = new(() => [.. fleet.Devices.Select(SearchText)]);
    }

    /// <summary>Per device (by <see cref="Device.Index"/>): name, id, village name and English village name, lower case,
    /// separated by a character no search term contains.</summary>
    public IReadOnlyList<string> SearchTexts => _searchTexts.Value;

    public static bool IsTextColumn(string column) => column is "name" or "location" or "stage";

    /// <summary>The form of a search term that <see cref="SearchTexts"/> are matched against (ordinal, case-insensitive).</summary>
    public static string SearchTerm(string term) => term.Trim().ToLowerInvariant();

    public static FleetOrder Of(FleetRegistry fleet) => Cache.GetValue(fleet, f => new FleetOrder(f));

    /// <summary>Rank of each device (by <see cref="Device.Index"/>) when sorted by <paramref name="column"/> in <paramref name="culture"/>.</summary>
    public int[] Ranks(string column, CultureInfo culture) =>
        _ranks.GetOrAdd((column, culture.Name), key => Rank(Text(key.Column), culture.CompareInfo));

    private static string SearchText(Device d) =>
        string.Join('\u0001', d.Name, d.Id, d.Village.Name, d.Village.NameEn).ToLowerInvariant();

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
