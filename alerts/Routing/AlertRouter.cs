using System.Diagnostics.CodeAnalysis;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Routing;

/// <summary>Routes an alert to the crew responsible for the device's village (every village has exactly one crew).</summary>
public sealed class AlertRouter(FleetRegistry fleet)
{
    /// <summary>The device's route; false for a device the registry does not know.</summary>
    public bool TryRoute(string deviceId, [NotNullWhen(true)] out AlertRoute? route)
    {
        if (fleet.TryGetDevice(deviceId, out var device))
        {
            route = new AlertRoute(device, device.Village.Crew);
            return true;
        }

        route = null;
        return false;
    }
}
