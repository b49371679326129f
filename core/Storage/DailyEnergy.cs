namespace Telemetry.Core.Storage;

/// <summary>A station's energy for one China-time day, derived from the lifetime meter (see <see cref="EnergyCalculator"/>).</summary>
/// <param name="Date">The local (UTC+8) date.</param>
/// <param name="EnergyKwh"><see cref="LastKwh"/> minus <see cref="BaselineKwh"/>.</param>
/// <param name="FirstKwh">The meter at the day's first reading.</param>
/// <param name="LastKwh">The meter at the day's last reading.</param>
/// <param name="BaselineKwh">The meter the day's energy is counted from: the last reading before the day, or the day's first reading when there is none.</param>
/// <param name="BaselineDate">The date of the baseline reading; earlier than the day before when the station was silent in between (the gap's energy is then counted on this day), null when the baseline is the day's own first reading.</param>
/// <param name="Readings">Readings stored for the day.</param>
public sealed record DailyEnergy(DateOnly Date, double EnergyKwh, double FirstKwh, double LastKwh, double BaselineKwh, DateOnly? BaselineDate, long Readings);
