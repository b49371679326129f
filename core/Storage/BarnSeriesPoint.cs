namespace Telemetry.Core.Storage;

/// <summary>One bucket of a barn's climate history (for <see cref="SeriesResolution.Raw"/>, one reading). Gas means are null when no reading of the bucket had that sensor.</summary>
/// <param name="Time">Start of the bucket (the reading's device time for raw).</param>
/// <param name="MeanTempC">Mean air temperature, °C.</param>
/// <param name="MaxTempC">Highest air temperature, °C.</param>
/// <param name="MeanHumidityPct">Mean relative humidity, %.</param>
/// <param name="MeanNh3Ppm">Mean ammonia, ppm.</param>
/// <param name="MaxNh3Ppm">Highest ammonia, ppm.</param>
/// <param name="MeanCo2Ppm">Mean carbon dioxide, ppm.</param>
/// <param name="MeanH2sPpm">Mean hydrogen sulphide, ppm.</param>
/// <param name="Readings">How many readings the bucket holds.</param>
public sealed record BarnSeriesPoint(
    DateTimeOffset Time,
    double MeanTempC,
    double MaxTempC,
    double MeanHumidityPct,
    double? MeanNh3Ppm,
    double? MaxNh3Ppm,
    double? MeanCo2Ppm,
    double? MeanH2sPpm,
    long Readings);
