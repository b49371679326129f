using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Api;

/// <summary>An alert in the API, with the names a crew reads.</summary>
internal sealed record AlertView(
    long Id,
    string DeviceId,
    string DeviceName,
    string Rule,
    string Severity,
    string State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset UpdatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string Message,
    string CrewId,
    string CrewName,
    string CrewPhone,
    string CountyId,
    string CountyName,
    string VillageId,
    string VillageName)
{
    public static AlertView From(Alert a, FleetRegistry fleet)
    {
        fleet.TryGetDevice(a.DeviceId, out var device);
        fleet.TryGetVillage(a.VillageId, out var village);
        var crew = fleet.Crews.FirstOrDefault(c => c.Id == a.CrewId);
        return new AlertView(
            a.Id,
            a.DeviceId,
            device?.Name ?? a.DeviceId,
            a.Rule,
            WireNames.Of(a.Severity),
            WireNames.Of(a.State),
            a.RaisedAt,
            a.ClearedAt,
            a.UpdatedAt,
            a.AcknowledgedBy,
            a.AcknowledgedAt,
            a.Message,
            a.CrewId,
            crew?.Name ?? a.CrewId,
            crew?.Phone ?? "",
            a.CountyId,
            village?.County.Name ?? a.CountyId,
            a.VillageId,
            village?.Name ?? a.VillageId);
    }
}
