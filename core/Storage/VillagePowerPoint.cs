namespace Telemetry.Core.Storage;

/// <summary>A village's PV output in one bucket: the sum over its stations of each station's mean power in that bucket.</summary>
/// <param name="Time">Start of the bucket.</param>
/// <param name="PowerKw">Sum of the stations' mean <c>p_ac_kw</c>; a station without a reading in the bucket adds nothing.</param>
/// <param name="Stations">How many of the village's stations had readings in the bucket.</param>
public sealed record VillagePowerPoint(DateTimeOffset Time, double PowerKw, int Stations);
