using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Faults;

/// <summary>Healthy devices: changes nothing.</summary>
internal sealed class NoFaults : IFaultInjector
{
    public static NoFaults Instance { get; } = new();

    public void Apply(Station station, DateTimeOffset timestamp, ref PvConditions conditions)
    {
    }

    public void Apply(Barn barn, DateTimeOffset timestamp, ref BarnConditions conditions)
    {
    }
}
