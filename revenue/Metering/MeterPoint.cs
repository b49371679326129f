namespace Telemetry.Revenue.Metering;

/// <summary>One reading of a station's lifetime meter (<c>e_total_kwh</c>).</summary>
/// <param name="TimestampMs">Device time, Unix epoch milliseconds.</param>
/// <param name="Kwh">The register, kWh, to three decimals (Wh).</param>
public readonly record struct MeterPoint(long TimestampMs, decimal Kwh)
{
    /// <summary>Converts a stored reading, rounding the register to whole Wh so that all later arithmetic is exact.</summary>
    public static MeterPoint From(long timestampMs, double kwh) => new(timestampMs, Math.Round((decimal)kwh, 3, MidpointRounding.AwayFromZero));
}
