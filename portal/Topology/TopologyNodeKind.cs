namespace Telemetry.Portal.Topology;

/// <summary>The levels of the fleet topology.</summary>
public enum TopologyNodeKind
{
    City,
    County,
    Village,
    Station,
    Barn,
}
