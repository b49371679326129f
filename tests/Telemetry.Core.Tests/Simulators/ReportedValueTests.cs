using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>
/// Simulated loggers never report negative zero: a winter night's module temperature of −0.04 °C at 0.1 °C resolution is 0,
/// as a logger shows it, and no store keeps −0 apart from 0 (the end-to-end test compares what was simulated with what
/// was stored, and failed at night in late November when −0 came back as 0).
/// </summary>
public sealed class ReportedValueTests
{
    private static readonly DateTimeOffset From = ChinaTime.StartOfDay(new DateOnly(2026, 11, 28));

    [Fact]
    public void WinterNights_NoStationOrBarnReportsNegativeZero()
    {
        var negativeZeros = new List<string>();
        foreach (var station in TestFleet.SampleFleet.Stations)
        {
            foreach (var r in Simulate.Readings<PvReading>(station, From, From.AddDays(3), TimeSpan.FromMinutes(5)))
            {
                Check(r, ("p_ac_kw", r.PowerKw), ("e_day_kwh", r.EnergyDayKwh), ("v_dc", r.DcVoltage), ("i_dc", r.DcCurrent), ("v_ac", r.AcVoltage),
                    ("t_inv_c", r.InverterTempC), ("irr_wm2", r.IrradianceWm2), ("t_mod_c", r.ModuleTempC));
            }
        }

        foreach (var barn in TestFleet.SampleFleet.Barns)
        {
            foreach (var r in Simulate.Readings<BarnReading>(barn, From, From.AddDays(3), TimeSpan.FromMinutes(5)))
            {
                Check(r, ("t_c", r.TempC), ("rh_pct", r.HumidityPct), ("nh3_ppm", r.Nh3Ppm), ("co2_ppm", r.Co2Ppm), ("h2s_ppm", r.H2sPpm),
                    ("water_l", r.WaterL), ("feed_kg", r.FeedKg));
            }
        }

        Assert.True(negativeZeros.Count == 0, $"{negativeZeros.Count} negative zeros, e.g. {string.Join("; ", negativeZeros.Take(5))}");

        void Check(Reading reading, params (string Field, double? Value)[] fields)
        {
            foreach (var (field, value) in fields)
            {
                if (value is 0 && double.IsNegative(value.Value))
                {
                    negativeZeros.Add($"{reading.Device.Id} {field} at {reading.Timestamp:O}");
                }
            }
        }
    }
}
