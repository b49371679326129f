using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Portal.Fleet;

/// <summary>One barn in the overview.</summary>
/// <param name="Barn">The registered barn.</param>
/// <param name="Health">Its state.</param>
/// <param name="Latest">The newest climate reading (stale when the barn is offline), null when never reported.</param>
/// <param name="LastSeen">Device time of the newest reading.</param>
public sealed record BarnRow(Barn Barn, DeviceHealth Health, BarnReading? Latest, DateTimeOffset? LastSeen)
{
    public bool OnBattery => Latest?.Power == PowerSource.Battery;
}
