using Telemetry.Core.Readings;
using Telemetry.Simulators.Devices;

namespace Telemetry.Simulators.Faults;

/// <summary>What each fault type does to the measured conditions (comms loss acts on the transport, not here).</summary>
internal static class FaultEffects
{
    public static void Apply(ScheduledFault f, DateTimeOffset t, ref PvConditions c)
    {
        var elapsed = t - f.Start;
        switch (f.Type)
        {
            case FaultTypes.InverterTrip:
                Trip(ref c, InverterState.Standby, []);
                break;
            case FaultTypes.InsulationFault:
                Trip(ref c, InverterState.Fault, [2062]);
                break;
            case FaultTypes.StringLoss:
                Derate(ref c, 1 - Or(f.Magnitude, 0.5));
                break;
            case FaultTypes.Soiling:
                Derate(ref c, 1 - Or(f.Magnitude, 0.3));
                break;
            case FaultTypes.GridOvervoltage:
                c.AcVoltage *= 1 + Or(f.Magnitude, 0.12);
                if (elapsed.TotalMinutes % 15 < 5)
                {
                    Trip(ref c, InverterState.Fault, [2034]); // trips, waits, reconnects, voltage rises again
                }

                break;
            case FaultTypes.GridFrequency:
                var over = f.Magnitude >= 0;
                c.FrequencyHz = over ? 50.5 : 49.3;
                Trip(ref c, InverterState.Fault, [over ? 2036 : 2037]);
                break;
            case FaultTypes.OverTemperature:
                c.InverterTempC += (Or(f.Magnitude, 90) - c.InverterTempC) * Ramp(elapsed, 40);
                if (c.InverterTempC > 75)
                {
                    Derate(ref c, 0.6);
                }

                if (c.InverterTempC > 85)
                {
                    c.Faults = [2063];
                }

                break;
            case FaultTypes.MeterFrozen:
                c.MeterFrozen = true;
                break;
            default:
                break;
        }
    }

    public static void Apply(ScheduledFault f, DateTimeOffset t, ref BarnConditions c, ref double? stuck, int fanIndex)
    {
        var elapsed = t - f.Start;
        switch (f.Type)
        {
            case FaultTypes.FanFailure when c.FanRpm.Length > 0:
                var rpm = (int[])c.FanRpm.Clone();
                for (var i = 0; i < rpm.Length; i++)
                {
                    if (f.Magnitude > 0 || i == fanIndex % rpm.Length)
                    {
                        rpm[i] = 0;
                    }
                }

                c.FanRpm = rpm;
                c.TempC += 1.5 * Ramp(elapsed, 120);
                break;
            case FaultTypes.Nh3Buildup when c.Nh3Ppm is { } nh3:
                c.Nh3Ppm = nh3 + ((Or(f.Magnitude, 40) - nh3) * Ramp(elapsed, 60));
                break;
            case FaultTypes.H2sRelease when c.H2sPpm is { } h2s:
                c.H2sPpm = h2s + ((Or(f.Magnitude, 15) - h2s) * Ramp(elapsed, 20));
                break;
            case FaultTypes.Co2Ventilation when c.Co2Ppm is { } co2:
                c.Co2Ppm = co2 + ((Or(f.Magnitude, 5_000) - co2) * Ramp(elapsed, 60));
                break;
            case FaultTypes.HeatStress:
                c.TempC += Or(f.Magnitude, 6) * Ramp(elapsed, 60);
                c.HumidityPct = Math.Min(95, c.HumidityPct + (5 * Ramp(elapsed, 60)));
                break;
            case FaultTypes.Cold:
                c.TempC -= Or(f.Magnitude, 10) * Ramp(elapsed, 90);
                break;
            case FaultTypes.SensorStuck:
                stuck ??= Reported.Round(c.TempC, 1);
                c.TempC = stuck.Value;
                break;
            case FaultTypes.OnBattery:
                c.OnBattery = true;
                break;
            case FaultTypes.WaterLine when c.WaterL is not null:
                c.WaterL = 0;
                break;
            case FaultTypes.FeedJam when c.FeedKg is not null:
                c.FeedKg = 0;
                break;
            default:
                break;
        }
    }

    private static void Trip(ref PvConditions c, InverterState state, int[] faults)
    {
        c.AcKw = 0;
        c.DcKw = 0;
        c.State = state;
        c.Faults = faults;
    }

    private static void Derate(ref PvConditions c, double factor)
    {
        c.AcKw *= factor;
        c.DcKw *= factor;
    }

    private static double Ramp(TimeSpan elapsed, double minutes) => Math.Clamp(elapsed.TotalMinutes / minutes, 0, 1);

    private static double Or(double magnitude, double fallback) => magnitude != 0 ? magnitude : fallback;
}
