namespace Telemetry.Portal.Fleet;

/// <summary>The overview's filters.</summary>
/// <param name="CountyId">Only devices in this county; null for the whole city.</param>
/// <param name="Kind">Which tables to show.</param>
/// <param name="Search">Case-insensitive part of a device's name, id or village name.</param>
/// <param name="ProblemsOnly">Only devices that are not <see cref="DeviceHealth.Online"/>.</param>
/// <param name="VillageId">Only devices in this village; null for every village (of the county).</param>
/// <param name="Health">Only devices in this state; null for any.</param>
public sealed record FleetFilter(
    string? CountyId = null,
    KindFilter Kind = KindFilter.All,
    string? Search = null,
    bool ProblemsOnly = false,
    string? VillageId = null,
    DeviceHealth? Health = null)
{
    public static FleetFilter None { get; } = new();
}
