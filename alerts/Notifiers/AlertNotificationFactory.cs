using Microsoft.Extensions.Options;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Routing;
using Telemetry.Core.Fleet;
using Telemetry.Ingest.Broker;

namespace Telemetry.Alerts.Notifiers;

/// <summary>Builds the notification for an alert change, naming device, village, county and crew from the registry.</summary>
internal sealed class AlertNotificationFactory(FleetRegistry fleet, IOptions<BrokerOptions> broker)
{
    private readonly string _prefix = broker.Value.TopicPrefix;

    public AlertNotification Create(Alert alert, AlertEventKind kind, DateTimeOffset at)
    {
        fleet.TryGetDevice(alert.DeviceId, out var device);
        fleet.TryGetVillage(alert.VillageId, out var village);
        var crew = fleet.Crews.FirstOrDefault(c => c.Id == alert.CrewId);
        return new AlertNotification
        {
            AlertId = alert.Id,
            Event = kind,
            State = alert.State,
            Severity = alert.Severity,
            Rule = alert.Rule,
            Message = alert.Message,
            DeviceId = alert.DeviceId,
            DeviceName = device?.Name ?? alert.DeviceId,
            DeviceKind = device?.Kind == DeviceKind.Barn ? "barn" : "pv",
            VillageId = alert.VillageId,
            VillageName = village?.Name ?? alert.VillageId,
            CountyId = alert.CountyId,
            CountyName = village?.County.Name ?? alert.CountyId,
            CrewId = alert.CrewId,
            CrewName = crew?.Name ?? alert.CrewId,
            CrewPhone = crew?.Phone ?? "",
            Since = alert.RaisedAt,
            ClearedAt = alert.ClearedAt,
            AcknowledgedBy = alert.AcknowledgedBy,
            AcknowledgedAt = alert.AcknowledgedAt,
            At = at,
            Topic = AlertTopics.For(_prefix, alert.CrewId, alert.DeviceId, alert.Rule),
        };
    }
}
