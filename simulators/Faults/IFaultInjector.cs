using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Faults;

/// <summary>
/// The seam for fault injection: the simulators compute healthy conditions and hand them here, per device and
/// timestamp, before metering and serialization. The default injects nothing.
/// </summary>
internal interface IFaultInjector
{
    void Apply(Station station, DateTimeOffset timestamp, ref PvConditions conditions);

    void Apply(Barn barn, DateTimeOffset timestamp, ref BarnConditions conditions);
}
