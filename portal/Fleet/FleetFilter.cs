namespace Telemetry.Portal.Fleet;

/// <summary>The overview's filters.</summary>
/// <param name="CountyId">Only devices in this county; null for the whole city.</param>
/// <param name="Kind">Which tables to show.</param>
/// <param name="Search">Case-insensitive part of a device's name, id or village name.</param>
/// <param name="ProblemsOnly">Only devices that are not <see cref="DeviceHealth.Online"/>.</param>
public sealed record FleetFilter(string? CountyId = null, KindFilter Kind = KindFilter.All, string? Search = null, bool ProblemsOnly = false)
{
    public static FleetFilter None { get; } = new();
}
