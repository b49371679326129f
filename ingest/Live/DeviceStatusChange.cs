using Telemetry.Core.Fleet;

namespace Telemetry.Ingest.Live;

/// <summary>A device's retained status message as it arrived: <c>online</c> or <c>offline</c> (its Last Will).</summary>
/// <param name="Device">The registered device.</param>
/// <param name="Online">True for <c>online</c>, false for <c>offline</c>.</param>
/// <param name="ReceivedAt">Wall-clock time the service received it (status messages carry no device time).</param>
public sealed record DeviceStatusChange(Device Device, bool Online, DateTimeOffset ReceivedAt);
