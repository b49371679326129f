namespace Telemetry.Revenue.Metering;

/// <summary>A station's energy on one China-time day.</summary>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="Kwh">Energy, kWh to three decimals; 0 when <see cref="Quality"/> is <see cref="EnergyQuality.Missing"/>.</param>
/// <param name="Quality">How the energy is known.</param>
/// <param name="Method">The estimation method when <see cref="Quality"/> is <see cref="EnergyQuality.Estimated"/>.</param>
/// <param name="Readings">Meter readings seen on the day.</param>
public sealed record DayEnergy(DateOnly Date, decimal Kwh, EnergyQuality Quality, EstimationMethod Method, int Readings);
