using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Tests.Support;

/// <summary>Reading builders with healthy defaults; tests change what they are about.</summary>
internal static class Read
{
    /// <summary>2025-06-15 00:00 China time: a summer day; 12:00 local is 04:00 UTC.</summary>
    public static readonly DateTimeOffset Day = new(2025, 6, 15, 0, 0, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset Noon => Day.AddHours(12);

    public static PvReading Pv(Station station, DateTimeOffset at, double powerKw = 50, double energyKwh = 10_000, int[]? faults = null,
        double acVoltage = 225, double frequency = 50, double inverterTemp = 45, InverterState state = InverterState.Running) => new()
        {
            Device = station,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            PowerKw = powerKw,
            EnergyTotalKwh = energyKwh,
            AcVoltage = acVoltage,
            FrequencyHz = frequency,
            InverterTempC = inverterTemp,
            State = state,
            Faults = faults ?? [],
        };

    public static BarnReading Barn(Barn barn, DateTimeOffset at, double temp = 20, double rh = 60, double nh3 = 5, double co2 = 1_000, double h2s = 0.5,
        int fanStage = 2, int[]? rpm = null, double? water = 10, double? feed = 3.3, PowerSource power = PowerSource.Mains) => new()
        {
            Device = barn,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            TempC = temp,
            HumidityPct = rh,
            Nh3Ppm = nh3,
            Co2Ppm = co2,
            H2sPpm = h2s,
            FanStage = fanStage,
            FanRpm = rpm ?? [300, 305, 298, 302],
            WaterL = water,
            FeedKg = feed,
            Power = power,
        };

    /// <summary>One reading a minute from <paramref name="from"/> for <paramref name="minutes"/>, shaped by <paramref name="make"/>.</summary>
    public static IEnumerable<T> Every<T>(DateTimeOffset from, int minutes, Func<DateTimeOffset, int, T> make, int stepMinutes = 1)
    {
        for (var i = 0; i < minutes; i += stepMinutes)
        {
            yield return make(from.AddMinutes(i), i);
        }
    }
}
