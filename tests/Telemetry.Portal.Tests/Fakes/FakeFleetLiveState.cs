using System.Reactive.Subjects;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Tests.Fakes;

/// <summary>Live state under the test's control: every device starts without data; <see cref="Set"/> changes one and emits.</summary>
internal sealed class FakeFleetLiveState : IFleetLiveState, IDisposable
{
    private readonly DeviceSnapshot[] _snapshots;
    private readonly Subject<DeviceSnapshot> _changes = new();

    public FakeFleetLiveState(FleetRegistry fleet)
    {
        _snapshots = [.. fleet.Devices.Select(d => new DeviceSnapshot(d, false, null, null, null))];
    }

    public IObservable<DeviceSnapshot> Changes => _changes;

    public IObservable<DeviceStatusChange> StatusChanges { get; } = System.Reactive.Linq.Observable.Never<DeviceStatusChange>();

    public int Subscribers => _changes.HasObservers ? 1 : 0;

    public IReadOnlyList<DeviceSnapshot> All() => [.. _snapshots];

    public DeviceSnapshot Get(string deviceId) =>
        _snapshots.FirstOrDefault(s => s.Device.Id == deviceId) ?? throw new KeyNotFoundException(deviceId);

    /// <summary>Replaces the device's snapshot without telling anyone (the state before a page opens).</summary>
    public void Preset(DeviceSnapshot snapshot) => _snapshots[snapshot.Device.Index] = snapshot;

    /// <summary>Replaces the device's snapshot and emits the change, as ingest does.</summary>
    public void Set(DeviceSnapshot snapshot)
    {
        Preset(snapshot);
        _changes.OnNext(snapshot);
    }

    public void Dispose() => _changes.Dispose();

    public static DeviceSnapshot Pv(
        Device station, DateTimeOffset at, double powerKw, double energyTodayKwh, bool online = true, int[]? faults = null) =>
        new(station, online, at, new PvReading
        {
            Device = station,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            PowerKw = powerKw,
            EnergyTotalKwh = 10_000 + energyTodayKwh,
            EnergyDayKwh = energyTodayKwh,
            Faults = faults ?? [],
        }, energyTodayKwh);

    public static DeviceSnapshot Climate(
        Device barn, DateTimeOffset at, double tempC, double humidityPct, double nh3Ppm, double co2Ppm, bool online = true, PowerSource power = PowerSource.Mains) =>
        new(barn, online, at, new BarnReading
        {
            Device = barn,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            TempC = tempC,
            HumidityPct = humidityPct,
            Nh3Ppm = nh3Ppm,
            Co2Ppm = co2Ppm,
            Power = power,
        }, null);
}
