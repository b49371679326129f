namespace Telemetry.Core.Wire;

/// <summary>A payload, or one reading of an array payload, that was not accepted.</summary>
/// <param name="Reason">The rule it broke.</param>
/// <param name="Detail">A sentence an operator can act on, naming the field and value.</param>
/// <param name="DeviceId">The device the topic names, when it is known.</param>
/// <param name="Index">Position of the reading in an array payload; null for the whole payload or a single reading.</param>
public sealed record Rejection(RejectReason Reason, string Detail, string? DeviceId = null, int? Index = null);
