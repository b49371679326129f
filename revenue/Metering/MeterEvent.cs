namespace Telemetry.Revenue.Metering;

/// <summary>A reset, replacement or glitch found while turning meter readings into energy.</summary>
/// <param name="Date">The local date of the reading concerned.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">The readings involved, for the statement's notes.</param>
public sealed record MeterEvent(DateOnly Date, MeterEventKind Kind, string Detail);
