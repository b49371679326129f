using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Fleet;

/// <summary>Adds up the overview's tiles device by device.</summary>
internal sealed class SummaryTotals
{
    private int _stationsOnline, _stations, _barnsOnline, _barns, _offline, _warnings, _noData;
    private double _power, _capacity, _energy;

    public void Add(DeviceSnapshot s, DeviceHealth health)
    {
        if (s.Device is Station station)
        {
            _stations++;
            _capacity += station.CapacityKwp;
            _energy += s.Latest is null ? 0 : s.EnergyTodayKwh ?? 0;
            if (s.Online)
            {
                _stationsOnline++;
                _power += (s.Latest as PvReading)?.PowerKw ?? 0;
            }
        }
        else
        {
            _barns++;
            _barnsOnline += s.Online ? 1 : 0;
        }

        switch (health)
        {
            case DeviceHealth.Offline: _offline++; break;
            case DeviceHealth.Warning: _warnings++; break;
            case DeviceHealth.NoData: _noData++; break;
        }
    }

    public FleetSummary ToSummary() =>
        new(_stationsOnline, _stations, _barnsOnline, _barns, _power, _capacity, _energy, _offline, _warnings, _noData);
}
