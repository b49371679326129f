using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Benchmarks.Storage;

/// <summary>PV readings of every station of the fleet at a one-minute cadence, with the fields a typical logger sends.</summary>
internal static class Workload
{
    public static IReadOnlyList<Reading[]> Batches(FleetRegistry fleet, int readings, int batchSize)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeSeconds() / 60 * 60_000;
        var all = new List<Reading>(readings);
        for (var i = 0; all.Count < readings; i++)
        {
            foreach (var station in fleet.Stations)
            {
                if (all.Count == readings)
                {
                    break;
                }

                all.Add(new PvReading
                {
                    Device = station,
                    TimestampMs = start + (i * 60_000L),
                    Seq = i,
                    PowerKw = (i % 600) * 0.137,
                    EnergyTotalKwh = 10_000 + (i * 0.083),
                    EnergyDayKwh = (i % 1440) * 0.083,
                    DcVoltage = 600 + (i % 50),
                    DcCurrent = 12.5 + (i % 7),
                    AcVoltage = 230.1,
                    FrequencyHz = 50.01,
                    InverterTempC = 35 + (i % 20),
                    State = InverterState.Running,
                });
            }
        }

        return [.. all.Chunk(batchSize)];
    }
}
