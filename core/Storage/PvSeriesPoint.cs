namespace Telemetry.Core.Storage;

/// <summary>One bucket of a station's history (for <see cref="SeriesResolution.Raw"/>, one reading).</summary>
/// <param name="Time">Start of the bucket (the reading's device time for raw).</param>
/// <param name="MeanPowerKw">Mean of <c>p_ac_kw</c> over the readings in the bucket.</param>
/// <param name="MaxPowerKw">Largest <c>p_ac_kw</c> in the bucket.</param>
/// <param name="LastEnergyTotalKwh">The lifetime meter <c>e_total_kwh</c> of the bucket's newest reading.</param>
/// <param name="Readings">How many readings the bucket holds.</param>
public sealed record PvSeriesPoint(DateTimeOffset Time, double MeanPowerKw, double MaxPowerKw, double LastEnergyTotalKwh, long Readings);
