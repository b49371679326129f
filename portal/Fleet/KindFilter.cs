namespace Telemetry.Portal.Fleet;

/// <summary>Which device tables the overview shows.</summary>
public enum KindFilter
{
    All,
    Stations,
    Barns,
}
