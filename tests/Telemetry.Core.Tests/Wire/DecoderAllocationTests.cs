using System.Buffers;
using System.Text;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Tests.Support;
using Telemetry.Core.Wire;

namespace Telemetry.Core.Tests.Wire;

/// <summary>Decoding a reading allocates nothing beyond the reading itself (issue #6); counted in bytes, not timed. The
/// micro-benchmarks (bench/Telemetry.MicroBenchmarks, DecodeBenchmarks) show the same per payload.</summary>
public sealed class DecoderAllocationTests
{
    private const int Count = 2_000;
    private static readonly DateTimeOffset Now = new(2026, 6, 21, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_PvReadings_AllocateNoMoreThanTheReadingsThemselves()
    {
        var fleet = TestFleet.Registry();
        var decoder = new TelemetryDecoder(fleet, new TelemetryTopics(""), new TelemetryDecoderOptions(), new FixedTimeProvider(Now));
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(
            """{"v":1,"ts":"2026-06-21T03:59:00.000Z","seq":7,"p_ac_kw":61.25,"e_total_kwh":123456.5,"e_day_kwh":201.5,"v_dc":620.5,"i_dc":98.2,"v_ac":401.2,"f_hz":50.01,"t_inv_c":41.5,"state":"running"}"""));
        var accepted = new List<Reading>(Count + 1);
        var rejected = new List<Rejection>();
        decoder.Decode("pv/PV-V1/telemetry", payload, null, accepted, rejected); // warm up (JIT, statics)
        accepted.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            decoder.Decode("pv/PV-V1/telemetry", payload, null, accepted, rejected);
        }

        var decoding = GC.GetAllocatedBytesForCurrentThread() - before;
        var readingsOnly = BytesForReadingsAlone((Station)fleet.Devices[0], accepted);

        Assert.Empty(rejected);
        Assert.Equal(Count, accepted.Count);
        Assert.True(decoding <= readingsOnly, $"decoding allocated {decoding / (double)Count:0.#} B per reading; the reading objects alone take {readingsOnly / (double)Count:0.#} B");
    }

    [Fact]
    public void Decode_BarnReadingArrays_AllocateNoMoreThanTheReadingsAndTheirFanArrays()
    {
        var fleet = TestFleet.Registry();
        var decoder = new TelemetryDecoder(fleet, new TelemetryTopics(""), new TelemetryDecoderOptions(), new FixedTimeProvider(Now));
        var reading = """{"v":1,"ts":"2026-06-21T03:59:00.000Z","seq":7,"t_c":24.5,"rh_pct":61.5,"nh3_ppm":8.5,"co2_ppm":1250,"fan_stage":2,"fan_rpm":[1150,1160,1140,1155],"water_l":12.5,"feed_kg":8.2,"power":"mains"}""";
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat(reading, 10)) + "]"));
        var accepted = new List<Reading>(Count + 10);
        var rejected = new List<Rejection>();
        decoder.Decode("barn/BARN-1/telemetry", payload, null, accepted, rejected); // warm up (JIT, statics)
        accepted.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count / 10; i++)
        {
            decoder.Decode("barn/BARN-1/telemetry", payload, null, accepted, rejected);
        }

        var decoding = GC.GetAllocatedBytesForCurrentThread() - before;
        var readingsOnly = BytesForBarnReadingsAlone((Barn)fleet.Devices.First(d => d.Id == "BARN-1"), accepted);

        Assert.Empty(rejected);
        Assert.Equal(Count, accepted.Count);
        Assert.All(accepted, r => Assert.Equal(4, ((BarnReading)r).FanRpm.Length));
        Assert.True(decoding <= readingsOnly, $"decoding allocated {decoding / (double)Count:0.#} B per reading; the reading objects and their fan arrays alone take {readingsOnly / (double)Count:0.#} B");
    }

    private static long BytesForBarnReadingsAlone(Barn barn, List<Reading> keep)
    {
        var list = new List<Reading>(Count);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            list.Add(new BarnReading
            {
                Device = barn,
                TimestampMs = i,
                Seq = i,
                TempC = i,
                HumidityPct = i,
                Nh3Ppm = i,
                Co2Ppm = i,
                FanStage = 2,
                FanRpm = [i, i, i, i],
                WaterL = i,
                FeedKg = i,
                Power = PowerSource.Mains,
            });
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(keep);
        return bytes;
    }

    private static long BytesForReadingsAlone(Station station, List<Reading> keep)
    {
        var list = new List<Reading>(Count);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            list.Add(new PvReading
            {
                Device = station,
                TimestampMs = i,
                Seq = i,
                PowerKw = i,
                EnergyTotalKwh = i,
                EnergyDayKwh = i,
                DcVoltage = i,
                DcCurrent = i,
                AcVoltage = i,
                FrequencyHz = i,
                InverterTempC = i,
                State = InverterState.Running,
            });
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(keep);
        return bytes;
    }
}
