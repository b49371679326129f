namespace Telemetry.Ingest.Live;

/// <summary>Live state of every registered device, fed by ingest (stored readings) and device status messages.</summary>
public interface IFleetLiveState
{
    /// <summary>A snapshot of every device, in registry order (stations, then barns).</summary>
    IReadOnlyList<DeviceSnapshot> All();

    /// <summary>How many devices are online now (cheaper than counting <see cref="All"/>).</summary>
    int CountOnline() => All().Count(s => s.Online);

    /// <summary>The snapshot of one device; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    DeviceSnapshot Get(string deviceId);

    /// <summary>
    /// Each change of a device's snapshot: after each stored batch, one per device in it (its state after the batch), and
    /// on status and silence changes (on the ingest thread: observe on your own context).
    /// </summary>
    IObservable<DeviceSnapshot> Changes { get; }

    /// <summary>Each status message (<c>online</c>, or <c>offline</c> = Last Will) as it arrives, on the ingest thread.</summary>
    IObservable<DeviceStatusChange> StatusChanges { get; }
}
