using System.Buffers;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;
using Telemetry.Core.Wire;

namespace Telemetry.Core.Tests.Simulators;

public sealed class PayloadRoundTripTests
{
    private static readonly DateTimeOffset Day = ChinaTime.StartOfDay(new DateOnly(2026, 6, 21));
    private static readonly TelemetryTopics Topics = new("");

    public static TheoryData<string, TimestampFormat> Devices()
    {
        var fleet = TestFleet.SampleFleet;
        var data = new TheoryData<string, TimestampFormat>();
        var ids = Enum.GetValues<StationClass>().Select(c => fleet.Stations.First(s => s.Class == c).Id)
            .Concat(fleet.Barns.GroupBy(b => (b.Species, b.Stage)).Select(g => g.First().Id));
        foreach (var id in ids)
        {
            data.Add(id, TimestampFormat.Rfc3339);
            data.Add(id, TimestampFormat.EpochMilliseconds);
        }

        return data;
    }

    [Fact]
    public void Devices_CoverEveryStationClassAndEverySpecies()
    {
        var ids = Devices().Select(row => (string)row[0]).ToHashSet();
        var devices = TestFleet.SampleFleet.Devices.Where(d => ids.Contains(d.Id)).ToList();

        Assert.Equal(Enum.GetValues<StationClass>().Length, devices.OfType<Station>().Select(s => s.Class).Distinct().Count());
        Assert.Equal(Enum.GetValues<Species>().Length, devices.OfType<Barn>().Select(b => b.Species).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Decode_SimulatedDay_EveryReadingAcceptedWithTheSameValues(string deviceId, TimestampFormat format)
    {
        var device = TestFleet.SampleFleet.Devices.Single(d => d.Id == deviceId);
        var readings = Simulate.Readings<Reading>(device, Day, Day.AddDays(1), TimeSpan.FromMinutes(5));
        var decoder = new TelemetryDecoder(TestFleet.SampleFleet, Topics, new TelemetryDecoderOptions(), new ManualTimeProvider(Day.AddDays(1)));
        var topic = Topics.Telemetry(device.Kind, device.Id);

        // One at a time (live) …
        foreach (var reading in readings.Take(30))
        {
            var decoded = DecodeAll(decoder, topic, TelemetryPayloadWriter.ToUtf8(reading, format), device.Id);
            AssertSame(reading, Assert.Single(decoded));
        }

        // … and as replayed batches of up to 60 (a logger's buffer).
        foreach (var batch in readings.Chunk(60))
        {
            var decoded = DecodeAll(decoder, topic, TelemetryPayloadWriter.ToUtf8(batch, format), device.Id);
            Assert.Equal(batch.Length, decoded.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                AssertSame(batch[i], decoded[i]);
            }
        }
    }

    [Fact]
    public void ToUtf8_Rfc3339_WritesUtcWithMilliseconds()
    {
        var station = TestFleet.SampleFleet.Stations[0];
        var reading = Simulate.Readings<PvReading>(station, Day.AddHours(12), Day.AddHours(12).AddMinutes(1)).Single();

        var json = System.Text.Encoding.UTF8.GetString(TelemetryPayloadWriter.ToUtf8(reading));

        Assert.StartsWith("{\"v\":1,\"ts\":\"2026-06-21T04:00:00.000Z\",\"seq\":", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"running\"", json, StringComparison.Ordinal);
    }

    private static List<Reading> DecodeAll(TelemetryDecoder decoder, string topic, byte[] payload, string publisher)
    {
        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        decoder.Decode(topic, new ReadOnlySequence<byte>(payload), publisher, accepted, rejected);
        Assert.True(rejected.Count == 0, string.Join("; ", rejected.Select(r => r.ToString())));
        return accepted;
    }

    private static void AssertSame(Reading expected, Reading actual)
    {
        Assert.Equal(expected.TimestampMs, actual.TimestampMs);
        Assert.Equal(expected.Seq, actual.Seq);
        Assert.Same(expected.Device, actual.Device);
        switch (expected)
        {
            case PvReading e:
                var a = Assert.IsType<PvReading>(actual);
                Assert.Equal(
                    (e.PowerKw, e.EnergyTotalKwh, e.EnergyDayKwh, e.DcVoltage, e.DcCurrent, e.AcVoltage, e.FrequencyHz, e.InverterTempC, e.IrradianceWm2, e.ModuleTempC, e.State),
                    (a.PowerKw, a.EnergyTotalKwh, a.EnergyDayKwh, a.DcVoltage, a.DcCurrent, a.AcVoltage, a.FrequencyHz, a.InverterTempC, a.IrradianceWm2, a.ModuleTempC, a.State));
                Assert.Equal(e.Faults, a.Faults);
                break;
            case BarnReading e:
                var b = Assert.IsType<BarnReading>(actual);
                Assert.Equal(
                    (e.TempC, e.HumidityPct, e.Nh3Ppm, e.Co2Ppm, e.H2sPpm, e.FanStage, e.WaterL, e.FeedKg, e.Power),
                    (b.TempC, b.HumidityPct, b.Nh3Ppm, b.Co2Ppm, b.H2sPpm, b.FanStage, b.WaterL, b.FeedKg, b.Power));
                Assert.Equal(e.FanRpm, b.FanRpm);
                break;
            default:
                Assert.Fail($"unexpected reading type {expected.GetType()}");
                break;
        }
    }
}
