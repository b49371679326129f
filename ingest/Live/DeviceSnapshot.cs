using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Live;

/// <summary>What the service knows about a device right now.</summary>
/// <param name="Device">The registered device.</param>
/// <param name="Online">Connected and reporting: its status is <c>online</c> and it has not been silent too long.</param>
/// <param name="LastSeen">Device time of its newest stored reading, if any.</param>
/// <param name="Latest">Its newest stored reading, if any.</param>
/// <param name="EnergyTodayKwh">PV only: energy produced since local (UTC+8) midnight, from the lifetime meter.</param>
public sealed record DeviceSnapshot(Device Device, bool Online, DateTimeOffset? LastSeen, Reading? Latest, double? EnergyTodayKwh);
