namespace Telemetry.Core.Fleet;

/// <summary>
/// A lifetime meter (<c>e_total_kwh</c>) swapped for another, as recorded by the crew that did it: the old meter's register
/// when it came out and the new meter's register when it went in. Energy is bridged across the swap with these two readings.
/// </summary>
/// <param name="At">When the swap was made (readings before it are the old meter's, readings at or after it the new one's).</param>
/// <param name="OldMeterFinalKwh">The old meter's last register reading, kWh.</param>
/// <param name="NewMeterInitialKwh">The new meter's first register reading, kWh (often 0, sometimes a factory-test value).</param>
/// <param name="Note">Free text, e.g. the work order number.</param>
public sealed record MeterReplacement(DateTimeOffset At, decimal OldMeterFinalKwh, decimal NewMeterInitialKwh, string? Note);
