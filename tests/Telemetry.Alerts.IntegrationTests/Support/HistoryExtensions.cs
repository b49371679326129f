using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.IntegrationTests.Support;

internal static class HistoryExtensions
{
    /// <summary>The alert's own transitions and comments, without the delivery entries (those come when the notifiers get to them).</summary>
    public static AlertEventKind[] Transitions(this AlertDetail detail) =>
        [.. detail.History.Select(e => e.Kind).Where(k => k is not (AlertEventKind.Delivered or AlertEventKind.DeliveryFailed))];

    public static AlertEvent[] TransitionEvents(this AlertDetail detail) =>
        [.. detail.History.Where(e => e.Kind is not (AlertEventKind.Delivered or AlertEventKind.DeliveryFailed))];
}
