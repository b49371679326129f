namespace Telemetry.Core.Readings;

/// <summary>Where a barn controller draws power from (<c>power</c> field).</summary>
public enum PowerSource
{
    Mains,
    Battery,
}
