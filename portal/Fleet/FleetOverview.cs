using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Fleet;

/// <summary>
/// What the overview page shows, computed from the live snapshots: the tiles for the selected county (or village) and one
/// page of each filtered table, in the chosen order or worst first (offline, alarm, no data, online) and then in registry
/// order. Only the rows of the page are built, so the cost grows with the fleet only by filtering and sorting.
/// </summary>
public sealed record FleetOverview(FleetSummary Summary, TablePage<StationRow> Stations, TablePage<BarnRow> Barns)
{
    /// <summary>Builds the overview.</summary>
    /// <param name="fleet">The registry the snapshots belong to (text columns sort by its cached culture order).</param>
    /// <param name="snapshots">Every device's snapshot, as <see cref="IFleetLiveState.All"/> gives them.</param>
    /// <param name="filter">The filters.</param>
    /// <param name="stations">Order and page of the station table; the first page in the default order when null.</param>
    /// <param name="barns">Order and page of the barn table; the first page in the default order when null.</param>
    public static FleetOverview Build(
        FleetRegistry fleet, IReadOnlyList<DeviceSnapshot> snapshots, FleetFilter filter, TableQuery? stations = null, TableQuery? barns = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(filter);
        var order = FleetOrder.Of(fleet);
        var county = filter.CountyId is { } countyId ? fleet.Counties.FirstOrDefault(c => c.Id == countyId) : null;
        var village = filter.VillageId is { } villageId && fleet.TryGetVillage(villageId, out var v) ? v : null;
        var unknownScope = (filter.CountyId is not null && county is null) || (filter.VillageId is not null && village is null);
        var term = string.IsNullOrWhiteSpace(filter.Search) ? null : FleetOrder.SearchTerm(filter.Search);
        var searchTexts = term is null ? null : order.SearchTexts;
        var summary = new SummaryTotals();
        using var stationItems = new PooledList<TableItem>();
        using var barnItems = new PooledList<TableItem>();

        // One pass: scope (county, village) for the tiles and the tables, then the table filters. Health is computed once.
        foreach (var s in snapshots)
        {
            var device = s.Device;
            if (unknownScope || (county is not null && device.Village.County != county) || (village is not null && device.Village != village))
            {
                continue;
            }

            var health = HealthOf(s);
            summary.Add(s, health);
            if ((filter.ProblemsOnly && health == DeviceHealth.Online)
                || (filter.Health is { } wanted && health != wanted)
                || (searchTexts is not null && !searchTexts[device.Index].Contains(term!, StringComparison.Ordinal)))
            {
                continue;
            }

            if (device is Station)
            {
                if (filter.Kind != KindFilter.Barns)
                {
                    stationItems.Add(new TableItem(s, health, device.Index));
                }
            }
            else if (filter.Kind != KindFilter.Stations)
            {
                barnItems.Add(new TableItem(s, health, device.Index));
            }
        }

        return new FleetOverview(
            summary.ToSummary(),
            filter.Kind == KindFilter.Barns ? TablePage<StationRow>.Empty : TableSorter.Page(stationItems, stations ?? TableQuery.First, order, StationKey, StationRowOf),
            filter.Kind == KindFilter.Stations ? TablePage<BarnRow>.Empty : TableSorter.Page(barnItems, barns ?? TableQuery.First, order, BarnKey, BarnRowOf));
    }

    public static DeviceHealth HealthOf(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Latest is null)
        {
            return DeviceHealth.NoData;
        }

        if (!snapshot.Online)
        {
            return DeviceHealth.Offline;
        }

        return snapshot.Latest switch
        {
            PvReading pv when pv.State == InverterState.Fault || pv.Faults.Length > 0 => DeviceHealth.Warning,
            BarnReading { Power: PowerSource.Battery } => DeviceHealth.Warning,
            _ => DeviceHealth.Online,
        };
    }

    public static StationRow StationRowOf(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var pv = snapshot.Latest as PvReading;
        return new StationRow(
            (Station)snapshot.Device,
            HealthOf(snapshot),
            PowerOf(snapshot),
            EnergyOf(snapshot),
            snapshot.LastSeen,
            pv?.Faults ?? [],
            pv?.State == InverterState.Fault);
    }

    public static BarnRow BarnRowOf(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new BarnRow((Barn)snapshot.Device, HealthOf(snapshot), snapshot.Latest as BarnReading, snapshot.LastSeen);
    }

    // Power now: null when offline or never reported (a stale value would mislead).
    private static double? PowerOf(DeviceSnapshot s) => s.Online ? (s.Latest as PvReading)?.PowerKw : null;

    private static double? EnergyOf(DeviceSnapshot s) => s.Latest is PvReading ? s.EnergyTodayKwh : null;

    /// <summary>The station table's sort key of a column (the keys of <c>StationTable</c>'s headers); null for an unknown column.</summary>
    private static double? StationKey(TableItem item, string column, int[]? ranks)
    {
        var s = item.Snapshot;
        var station = (Station)s.Device;
        return column switch
        {
            "name" or "location" => ranks![station.Index],
            "class" => (int)station.Class,
            "capacity" => station.CapacityKwp,
            "status" => (int)item.Health,
            "power" => PowerOf(s) ?? double.NegativeInfinity,
            "energy" => EnergyOf(s) ?? double.NegativeInfinity,
            "yield" => EnergyOf(s) is { } e && station.CapacityKwp > 0 ? e / station.CapacityKwp : double.NegativeInfinity,
            "seen" => s.LastSeen?.ToUnixTimeMilliseconds() ?? double.NegativeInfinity,
            _ => null,
        };
    }

    /// <summary>The barn table's sort key of a column (the keys of <c>BarnTable</c>'s headers); null for an unknown column.</summary>
    private static double? BarnKey(TableItem item, string column, int[]? ranks)
    {
        var s = item.Snapshot;
        var barn = (Barn)s.Device;
        var latest = s.Latest as BarnReading;
        return column switch
        {
            "name" or "location" or "stage" => ranks![barn.Index],
            "species" => (int)barn.Species,
            "status" => (int)item.Health,
            "temp" => latest?.TempC ?? double.NegativeInfinity,
            "rh" => latest?.HumidityPct ?? double.NegativeInfinity,
            "nh3" => latest?.Nh3Ppm ?? double.NegativeInfinity,
            "co2" => latest?.Co2Ppm ?? double.NegativeInfinity,
            "seen" => s.LastSeen?.ToUnixTimeMilliseconds() ?? double.NegativeInfinity,
            _ => null,
        };
    }
}
