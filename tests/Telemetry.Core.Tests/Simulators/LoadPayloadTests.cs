using System.Buffers;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;
using Telemetry.Simulators.Load;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>
/// The benchmark's load (bench/run) must be what a real device sends: every message of the load generator decodes
/// through the real <see cref="TelemetryDecoder"/> against the generated registry, on the device's own topic.
/// </summary>
public sealed class LoadPayloadTests
{
    private const int FleetSize = 50;
    private static readonly FleetRegistry Fleet = FleetRegistryLoader.FromDocument(BenchFleet.Create(FleetSize));
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, int> DevicesAndBatchSizes() => new()
    {
        { 0, 1 },
        { 0, 10 },
        { FleetSize - 1, 1 }, // the last device is a barn
        { FleetSize - 1, 10 },
    };

    [Fact]
    public void BenchFleet_RegistersEveryLoadDeviceUnderItsKind()
    {
        var options = LoadOptions.Parse(["--fleet-size", $"{FleetSize}", "--devices", $"{FleetSize}"]);
        var devices = Enumerable.Range(0, FleetSize).Select(i => new LoadDevice(i, options, new LoadCounters())).ToList();

        Assert.Equal(FleetSize, Fleet.Devices.Count);
        Assert.Equal(FleetSize, devices.Select(d => d.Id).Distinct().Count());
        Assert.All(devices, d =>
        {
            Assert.True(Fleet.TryGetDevice(d.Id, out var registered), $"{d.Id} is not registered");
            Assert.Equal(d.IsStation ? DeviceKind.Pv : DeviceKind.Barn, registered!.Kind);
        });
        Assert.Equal(BenchFleet.BarnCount(FleetSize), devices.Count(d => !d.IsStation));
    }

    [Theory]
    [MemberData(nameof(DevicesAndBatchSizes))]
    public void Next_ConsecutiveMessages_DecodeWithoutRejectionInDeviceTimeOrder(int index, int perMessage)
    {
        var (device, decoder) = Setup(index);
        var payload = new LoadPayload(device.IsStation, index);
        var nowMs = Now.ToUnixTimeMilliseconds();
        var decoded = new List<Reading>();

        for (var m = 0; m < 5; m++)
        {
            var readings = Decode(decoder, device, payload.Next(perMessage, nowMs + (m * 1_000), fault: false));
            Assert.Equal(perMessage, readings.Count);
            Assert.Equal(nowMs + (m * 1_000), readings[^1].TimestampMs); // the newest reading is stamped "now"
            decoded.AddRange(readings);
        }

        Assert.All(decoded, r => Assert.Equal(device.Id, r.Device.Id));
        Assert.Equal(decoded.Select(r => r.TimestampMs).Order(), decoded.Select(r => r.TimestampMs));
        Assert.Equal(decoded.Count, decoded.Select(r => r.TimestampMs).Distinct().Count()); // a burst never repeats a device time
        Assert.Equal(payload.LastTimestampMs, decoded[^1].TimestampMs);
    }

    [Fact]
    public void Next_Fault_MarksOnlyTheNewestReadingAsAnInverterFault()
    {
        var (device, decoder) = Setup(0);
        var payload = new LoadPayload(station: true, seed: 0);

        var readings = Decode(decoder, device, payload.Next(10, Now.ToUnixTimeMilliseconds(), fault: true)).Cast<PvReading>().ToList();

        Assert.Equal([2064], readings[^1].Faults);
        Assert.Equal(InverterState.Fault, readings[^1].State);
        Assert.All(readings.SkipLast(1), r => Assert.Equal((InverterState.Running, 0), (r.State!.Value, r.Faults.Length)));
    }

    [Fact]
    public void Next_AnotherRunOnTheSameDevice_LifetimeMeterNeverGoesBackwards()
    {
        var (device, decoder) = Setup(3);
        var nowMs = Now.ToUnixTimeMilliseconds();
        var first = Decode(decoder, device, new LoadPayload(station: true, seed: 3).Next(10, nowMs, fault: false));
        var second = Decode(decoder, device, new LoadPayload(station: true, seed: 3).Next(10, nowMs + 60_000, fault: false));

        var meter = first.Concat(second).Cast<PvReading>().Select(r => r.EnergyTotalKwh).ToList();
        Assert.Equal(meter.Order(), meter);
        Assert.True(meter[^1] > meter[0], "the meter counts up over a minute at 60 kW");
    }

    private static (LoadDevice Device, TelemetryDecoder Decoder) Setup(int index)
    {
        var options = LoadOptions.Parse(["--fleet-size", $"{FleetSize}", "--devices", "1", "--first", $"{index}"]);
        var decoder = new TelemetryDecoder(Fleet, new TelemetryTopics(""), new TelemetryDecoderOptions(), new ManualTimeProvider(Now));
        return (new LoadDevice(index, options, new LoadCounters()), decoder);
    }

    private static List<Reading> Decode(TelemetryDecoder decoder, LoadDevice device, ReadOnlyMemory<byte> payload)
    {
        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        decoder.Decode(device.Topic, new ReadOnlySequence<byte>(payload), device.Id, accepted, rejected);
        Assert.True(rejected.Count == 0, string.Join("; ", rejected.Select(r => r.ToString())));
        return accepted;
    }
}
