using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Fleet;

/// <summary>
/// What the overview page shows, computed from the live snapshots: the tiles for the selected county and the filtered
/// rows, worst first (offline, alarm, no data, online) and then in registry order.
/// </summary>
public sealed record FleetOverview(FleetSummary Summary, IReadOnlyList<StationRow> Stations, IReadOnlyList<BarnRow> Barns)
{
    public static FleetOverview Build(IReadOnlyList<DeviceSnapshot> snapshots, FleetFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(filter);
        var inCounty = snapshots.Where(s => filter.CountyId is null || s.Device.Village.County.Id == filter.CountyId).ToList();
        var summary = Summarise(inCounty);

        var shown = inCounty.Where(s => Matches(s, filter)).OrderBy(HealthOf).ThenBy(s => s.Device.Index).ToList();
        IReadOnlyList<StationRow> stations = filter.Kind == KindFilter.Barns
            ? []
            : [.. shown.Where(s => s.Device is Station).Select(StationRowOf)];
        IReadOnlyList<BarnRow> barns = filter.Kind == KindFilter.Stations
            ? []
            : [.. shown.Where(s => s.Device is Barn).Select(BarnRowOf)];
        return new FleetOverview(summary, stations, barns);
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
            snapshot.Online ? pv?.PowerKw : null,
            pv is null ? null : snapshot.EnergyTodayKwh,
            snapshot.LastSeen,
            pv?.Faults ?? [],
            pv?.State == InverterState.Fault);
    }

    public static BarnRow BarnRowOf(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new BarnRow((Barn)snapshot.Device, HealthOf(snapshot), snapshot.Latest as BarnReading, snapshot.LastSeen);
    }

    private static FleetSummary Summarise(List<DeviceSnapshot> snapshots)
    {
        int stationsOnline = 0, stations = 0, barnsOnline = 0, barns = 0, offline = 0, warnings = 0, noData = 0;
        double power = 0, capacity = 0, energy = 0;
        foreach (var s in snapshots)
        {
            if (s.Device is Station station)
            {
                stations++;
                capacity += station.CapacityKwp;
                energy += s.Latest is null ? 0 : s.EnergyTodayKwh ?? 0;
                if (s.Online)
                {
                    stationsOnline++;
                    power += (s.Latest as PvReading)?.PowerKw ?? 0;
                }
            }
            else
            {
                barns++;
                barnsOnline += s.Online ? 1 : 0;
            }

            switch (HealthOf(s))
            {
                case DeviceHealth.Offline: offline++; break;
                case DeviceHealth.Warning: warnings++; break;
                case DeviceHealth.NoData: noData++; break;
            }
        }

        return new FleetSummary(stationsOnline, stations, barnsOnline, barns, power, capacity, energy, offline, warnings, noData);
    }

    private static bool Matches(DeviceSnapshot snapshot, FleetFilter filter)
    {
        if (filter.ProblemsOnly && HealthOf(snapshot) == DeviceHealth.Online)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            return true;
        }

        var term = filter.Search.Trim();
        var device = snapshot.Device;
        return device.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || device.Id.Contains(term, StringComparison.OrdinalIgnoreCase)
            || device.Village.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || device.Village.NameEn.Contains(term, StringComparison.OrdinalIgnoreCase);
    }
}
