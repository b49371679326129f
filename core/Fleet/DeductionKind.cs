namespace Telemetry.Core.Fleet;

/// <summary>Costs taken from a station's revenue before it is distributed (research/domain.md §2.6).</summary>
public enum DeductionKind
{
    /// <summary>运维费: the O&amp;M contract.</summary>
    OperationAndMaintenance,

    /// <summary>保险费: the station's property insurance.</summary>
    Insurance,

    /// <summary>土地租金: rent for the land or roof the station stands on.</summary>
    LandRent,
}
