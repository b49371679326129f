using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Routing;

/// <summary>Who answers for a device's alerts: the crew of the device's village.</summary>
public sealed record AlertRoute(Device Device, Crew Crew)
{
    public Village Village => Device.Village;

    public County County => Device.Village.County;
}
