namespace Telemetry.Revenue.Metering;

/// <summary>The outcome of <see cref="MeterEnergyCalculator"/> for one station over a range of days.</summary>
/// <param name="Days">Every day of the range, oldest first, including days without data.</param>
/// <param name="Events">Resets, replacements and glitches found, oldest first.</param>
public sealed record MeterEnergy(IReadOnlyList<DayEnergy> Days, IReadOnlyList<MeterEvent> Events)
{
    /// <summary>Total energy of the range, kWh.</summary>
    public decimal TotalKwh => Days.Sum(d => d.Kwh);

    /// <summary>The worst quality of any day: <see cref="EnergyQuality.Missing"/> over estimated over measured.</summary>
    public EnergyQuality Quality => Days.Count == 0 ? EnergyQuality.Measured : Days.Max(d => d.Quality);
}
