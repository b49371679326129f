using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;
using Telemetry.MicroBenchmarks.Support;

namespace Telemetry.MicroBenchmarks.Decoding;

/// <summary>
/// <see cref="TelemetryDecoder.Decode"/> of simulator payloads: one reading, and an array of ten (a logger's batch), for a
/// village station with an irradiance sensor and a six-fan pig barn. The <c>*ObjectOnly</c> rows build the same reading
/// objects without decoding: what "allocates nothing beyond the reading itself" is compared with.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private readonly List<Reading> _accepted = new(16);
    private readonly List<Rejection> _rejected = new(4);
    private TelemetryDecoder _decoder = null!;
    private Station _station = null!;
    private Barn _barn = null!;
    private ReadOnlySequence<byte> _pvOne;
    private ReadOnlySequence<byte> _pvTen;
    private ReadOnlySequence<byte> _barnOne;
    private ReadOnlySequence<byte> _barnTen;
    private int[] _fanRpm = [];

    [GlobalSetup]
    public void Setup()
    {
        var fleet = BenchFleet.Jincheng;
        _station = BenchFleet.Station("PV-V001");
        _barn = BenchFleet.Barn("BARN-001");
        var pv = SimulatedDay.AtNoon(_station, 10);
        var barn = SimulatedDay.AtNoon(_barn, 10);
        _pvOne = new(TelemetryPayloadWriter.ToUtf8(pv[^1]));
        _pvTen = new(TelemetryPayloadWriter.ToUtf8(pv));
        _barnOne = new(TelemetryPayloadWriter.ToUtf8(barn[^1]));
        _barnTen = new(TelemetryPayloadWriter.ToUtf8(barn));
        _fanRpm = ((BarnReading)barn[^1]).FanRpm;
        var clock = new FakeTimeProvider(pv[^1].Timestamp.AddMinutes(1));
        _decoder = new TelemetryDecoder(fleet, new TelemetryTopics(""), new TelemetryDecoderOptions(), clock);

        // A benchmark of rejections would measure nothing useful: make sure every payload decodes cleanly.
        foreach (var (topic, payload, count) in new[] { (PvTopic, _pvOne, 1), (PvTopic, _pvTen, 10), (BarnTopic, _barnOne, 1), (BarnTopic, _barnTen, 10) })
        {
            Decode(topic, payload);
            if (_accepted.Count != count || _rejected.Count != 0)
            {
                throw new InvalidOperationException($"{topic}: {_accepted.Count} accepted, {string.Join("; ", _rejected.Select(r => r.Detail))}");
            }
        }
    }

    private const string PvTopic = "pv/PV-V001/telemetry";
    private const string BarnTopic = "barn/BARN-001/telemetry";

    [Benchmark(Description = "decode PV, 1 reading")]
    public int PvOne() => Decode(PvTopic, _pvOne);

    [Benchmark(Description = "decode PV, array of 10")]
    public int PvTen() => Decode(PvTopic, _pvTen);

    [Benchmark(Description = "decode barn, 1 reading")]
    public int BarnOne() => Decode(BarnTopic, _barnOne);

    [Benchmark(Description = "decode barn, array of 10")]
    public int BarnTen() => Decode(BarnTopic, _barnTen);

    [Benchmark(Description = "PV reading object only (no decoding)")]
    public Reading PvObjectOnly() => new PvReading
    {
        Device = _station,
        TimestampMs = 1,
        Seq = 1,
        PowerKw = 1,
        EnergyTotalKwh = 1,
        EnergyDayKwh = 1,
        DcVoltage = 1,
        DcCurrent = 1,
        AcVoltage = 1,
        FrequencyHz = 1,
        InverterTempC = 1,
        IrradianceWm2 = 1,
        ModuleTempC = 1,
        State = InverterState.Running,
    };

    [Benchmark(Description = "barn reading object only, with its fan_rpm array (no decoding)")]
    public Reading BarnObjectOnly() => new BarnReading
    {
        Device = _barn,
        TimestampMs = 1,
        Seq = 1,
        TempC = 1,
        HumidityPct = 1,
        Nh3Ppm = 1,
        Co2Ppm = 1,
        FanStage = 1,
        FanRpm = (int[])_fanRpm.Clone(),
        WaterL = 1,
        FeedKg = 1,
        Power = PowerSource.Mains,
    };

    private int Decode(string topic, in ReadOnlySequence<byte> payload)
    {
        _accepted.Clear();
        _rejected.Clear();
        _decoder.Decode(topic, payload, null, _accepted, _rejected);
        return _accepted.Count;
    }
}
