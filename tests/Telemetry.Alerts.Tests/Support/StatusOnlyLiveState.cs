using System.Reactive.Subjects;
using Telemetry.Ingest.Live;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>Live state that only carries status messages (all detection needs from it).</summary>
internal sealed class StatusOnlyLiveState : IFleetLiveState, IDisposable
{
    private readonly Subject<DeviceStatusChange> _status = new();

    public IObservable<DeviceSnapshot> Changes => throw new NotSupportedException();

    public IObservable<DeviceStatusChange> StatusChanges => _status;

    public IReadOnlyList<DeviceSnapshot> All() => throw new NotSupportedException();

    public DeviceSnapshot Get(string deviceId) => throw new NotSupportedException();

    public void Publish(DeviceStatusChange change) => _status.OnNext(change);

    public void Dispose() => _status.Dispose();
}
