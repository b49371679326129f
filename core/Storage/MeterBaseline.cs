namespace Telemetry.Core.Storage;

/// <summary>The last lifetime-meter value stored before some day, and the local date of the reading it came from.</summary>
/// <param name="Date">The local (UTC+8) date of that reading.</param>
/// <param name="Kwh">The meter value.</param>
public sealed record MeterBaseline(DateOnly Date, double Kwh);
