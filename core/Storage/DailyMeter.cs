namespace Telemetry.Core.Storage;

/// <summary>
/// The lifetime meter (<c>e_total_kwh</c>) of one station over one China-time day: its first and last reading and how many
/// readings there were. This is also what is kept long-term after raw readings expire (the daily rollup).
/// </summary>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="FirstKwh">The meter at the day's first reading.</param>
/// <param name="LastKwh">The meter at the day's last reading.</param>
/// <param name="Readings">Readings stored for the day.</param>
public sealed record DailyMeter(DateOnly Date, double FirstKwh, double LastKwh, long Readings);
