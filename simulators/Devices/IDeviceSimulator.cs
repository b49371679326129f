using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Simulators.Devices;

/// <summary>Produces a device's readings in time order; deterministic for a seed, device and timestamp.</summary>
internal interface IDeviceSimulator
{
    Device Device { get; }

    /// <summary>Prepares state (meters, counters) so that <paramref name="firstTimestamp"/> is the first reading.</summary>
    void Start(DateTimeOffset firstTimestamp);

    /// <summary>The reading at <paramref name="timestamp"/>; timestamps must increase from call to call.</summary>
    Reading Next(DateTimeOffset timestamp);
}
