using Microsoft.AspNetCore.Components.Routing;

namespace Telemetry.Portal.Components.Layout;

/// <summary>The header navigation, in order. A new page (alerts, revenue…) adds one line here and its label strings.</summary>
internal static class PortalNavigation
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("", "Nav.Fleet", NavLinkMatch.All),
        new("topology", "Nav.Topology"),
        new("alerts", "Nav.Alerts"),
        new("revenue", "Nav.Revenue"),
    ];
}
