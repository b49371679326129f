using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Notifiers;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Api;

/// <summary>An alert with its history, comments and notifications.</summary>
internal sealed record AlertDetailView(AlertView Alert, IReadOnlyList<AlertEventView> History, IReadOnlyList<AlertComment> Comments, IReadOnlyList<DeliveryView> Deliveries)
{
    public static AlertDetailView From(AlertDetail detail, IReadOnlyList<AlertDelivery> deliveries, FleetRegistry fleet) => new(
        AlertView.From(detail.Alert, fleet),
        [.. detail.History.Select(AlertEventView.From)],
        detail.Comments,
        [.. deliveries.Select(DeliveryView.From)]);
}
