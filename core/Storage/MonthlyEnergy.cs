namespace Telemetry.Core.Storage;

/// <summary>A station's energy for one China-time calendar month: the sum of its <see cref="DailyEnergy"/> entries.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Calendar month, 1–12.</param>
/// <param name="EnergyKwh">Sum of the month's daily energy (= last meter of the month minus the baseline before its first day with data).</param>
/// <param name="FirstKwh">The meter at the month's first reading.</param>
/// <param name="LastKwh">The meter at the month's last reading.</param>
/// <param name="BaselineKwh">The baseline of the month's first day with data.</param>
/// <param name="DaysWithData">Days of the month that have readings.</param>
public sealed record MonthlyEnergy(int Year, int Month, double EnergyKwh, double FirstKwh, double LastKwh, double BaselineKwh, int DaysWithData);
