using Telemetry.Core.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>A rejected payload (or one rejected reading of it), kept for operators with the reason.</summary>
/// <param name="ReceivedAt">Server time of arrival.</param>
/// <param name="Topic">The MQTT topic it came on.</param>
/// <param name="Reason">The rule it broke.</param>
/// <param name="Detail">What exactly was wrong.</param>
/// <param name="DeviceId">The device the topic names, if registered.</param>
/// <param name="Index">The reading's position in an array payload, if only that reading was rejected.</param>
/// <param name="Payload">The payload as text (truncated to 4 KiB), or base64 when it is not UTF-8.</param>
public sealed record DeadLetter(DateTimeOffset ReceivedAt, string Topic, RejectReason Reason, string Detail, string? DeviceId, int? Index, string Payload);
