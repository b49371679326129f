namespace Telemetry.Revenue.Metering;

/// <summary>
/// What the store says about a station's meter on one China-time day: the first and last register of the day and how many
/// readings there were; for a day that looks irregular (see <see cref="MeterSeries.NeedsDetail"/>) also every reading.
/// </summary>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="FirstKwh">The register at the day's first reading (by device time).</param>
/// <param name="LastKwh">The register at the day's last reading.</param>
/// <param name="Readings">How many readings the day has.</param>
/// <param name="Detail">Every reading of the day, oldest first, when the day needs them; otherwise null.</param>
public sealed record MeterDay(DateOnly Date, decimal FirstKwh, decimal LastKwh, long Readings, IReadOnlyList<MeterPoint>? Detail = null);
