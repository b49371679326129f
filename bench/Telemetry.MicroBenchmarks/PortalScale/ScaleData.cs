using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.MicroBenchmarks.PortalScale;

/// <summary>
/// The stored readings of the scale run, synthetic but shaped like the fleet's: every device's last hour at a 5-minute step
/// (staggered, ending within the last 5 minutes), except 2 % that never reported and 3 % that went silent two hours ago; 2 %
/// of stations report fault codes and 2 % of barns run on battery. A sample of stations also has yesterday's full day at
/// 1-minute resolution, for the history query.
/// </summary>
internal static class ScaleData
{
    public const int RecentReadings = 12;

    public static IEnumerable<Reading> Recent(FleetRegistry fleet, DateTimeOffset now)
    {
        foreach (var device in fleet.Devices)
        {
            var bucket = device.Index % 100;
            if (bucket < 2)
            {
                continue; // never reported
            }

            var end = bucket < 5 ? now.AddHours(-2) : now.AddSeconds(-(device.Index % 300));
            for (var k = RecentReadings - 1; k >= 0; k--)
            {
                yield return Reading(device, end.AddMinutes(-5 * k), faulty: bucket is 5 or 6, seq: RecentReadings - k);
            }
        }
    }

    /// <summary>A whole China-time day at one reading a minute for each of <paramref name="stations"/>.</summary>
    public static IEnumerable<Reading> HistoryDay(IEnumerable<Station> stations, DateOnly day)
    {
        var start = ChinaTime.StartOfDay(day);
        foreach (var station in stations)
        {
            for (var m = 0; m < 24 * 60; m++)
            {
                yield return Reading(station, start.AddMinutes(m), faulty: false, seq: m);
            }
        }
    }

    private static double DayShare(double hour) => Math.Clamp((hour - 6) / 13, 0, 1);

    private static Reading Reading(Device device, DateTimeOffset at, bool faulty, long seq)
    {
        var hour = (at.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.TotalHours);
        var sun = Math.Max(0, Math.Sin(Math.PI * (hour - 6) / 13));
        var jitter = 0.85 + (0.15 * ((device.Index * 7919 + seq * 104729) % 1000) / 1000.0);
        return device switch
        {
            Station s => new PvReading
            {
                Device = s,
                TimestampMs = at.ToUnixTimeMilliseconds(),
                Seq = seq,
                PowerKw = Math.Round(s.AcRatingKw * 0.8 * sun * jitter, 3),
                // The lifetime meter: 3.7 kWh/kWp a day since 1970, plus today's share; it never runs backwards.
                EnergyTotalKwh = Math.Round(s.CapacityKwp * 3.7 * (Math.Floor((at.ToUnixTimeSeconds() + (8 * 3600)) / 86_400.0) + DayShare(hour)), 3),
                EnergyDayKwh = Math.Round(s.CapacityKwp * 3.7 * DayShare(hour), 3),
                DcVoltage = sun > 0 ? 610 + (20 * jitter) : 0,
                DcCurrent = Math.Round(s.CapacityKwp * 1.6 * sun, 2),
                AcVoltage = s.Class == StationClass.National ? 465.5 : 222.5,
                FrequencyHz = 50.01,
                InverterTempC = Math.Round(25 + (20 * sun), 1),
                State = faulty ? InverterState.Fault : sun > 0 ? InverterState.Running : InverterState.Standby,
                Faults = faulty ? [2034] : [],
            },
            Barn b => new BarnReading
            {
                Device = b,
                TimestampMs = at.ToUnixTimeMilliseconds(),
                Seq = seq,
                TempC = Math.Round(19 + (4 * sun * jitter), 1),
                HumidityPct = Math.Round(62 - (10 * sun), 1),
                Nh3Ppm = Math.Round(8 * jitter, 1),
                Co2Ppm = Math.Round(1_300 * jitter),
                FanStage = 2,
                FanRpm = [.. Enumerable.Repeat(1_150, b.FanCount)],
                WaterL = 12.5,
                FeedKg = 8.2,
                Power = faulty ? PowerSource.Battery : PowerSource.Mains,
            },
            _ => throw new ArgumentException($"unknown device type {device.GetType().Name}", nameof(device)),
        };
    }
}
