namespace Telemetry.Simulators.Weather;

/// <summary>Outdoor weather at one place and instant.</summary>
/// <param name="DayType">The county's kind of day.</param>
/// <param name="CloudTransmission">Global irradiance relative to clear sky (the clear-sky index).</param>
/// <param name="AmbientC">Air temperature, °C.</param>
/// <param name="RelativeHumidityPct">Relative humidity, %.</param>
internal readonly record struct WeatherSample(DayType DayType, double CloudTransmission, double AmbientC, double RelativeHumidityPct);
