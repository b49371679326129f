using System.Text;
using BenchmarkDotNet.Attributes;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Storage.Influx;
using Telemetry.MicroBenchmarks.Support;

namespace Telemetry.MicroBenchmarks.LineProtocol;

/// <summary>
/// The InfluxDB adapter's line-protocol building (<c>InfluxLineBuilder.Append</c> into a reused <c>LineProtocolWriter</c>, as
/// <c>InfluxTimeSeriesStore.WriteAsync</c> does per batch): per reading, and one minute of the whole sample fleet (106 lines).
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private readonly LineProtocolWriter _writer = new(new StringBuilder(64 * 1024));
    private InfluxLineBuilder _lines = null!;
    private Reading _pv = null!;
    private Reading _pvFaults = null!;
    private Reading _barn = null!;
    private List<Reading> _fleetMinute = [];

    [GlobalSetup]
    public void Setup()
    {
        var fleet = BenchFleet.Jincheng;
        _lines = new InfluxLineBuilder(fleet);
        var pv = (PvReading)SimulatedDay.AtNoon(BenchFleet.Station("PV-V001"), 1)[0];
        _pv = pv;
        _pvFaults = new PvReading
        {
            Device = pv.Device,
            TimestampMs = pv.TimestampMs,
            Seq = pv.Seq,
            PowerKw = 0,
            EnergyTotalKwh = pv.EnergyTotalKwh,
            EnergyDayKwh = pv.EnergyDayKwh,
            DcVoltage = pv.DcVoltage,
            AcVoltage = 262.4,
            FrequencyHz = pv.FrequencyHz,
            InverterTempC = pv.InverterTempC,
            State = InverterState.Fault,
            Faults = [2034, 2062],
        };
        _barn = SimulatedDay.AtNoon(BenchFleet.Barn("BARN-001"), 1)[0];
        _fleetMinute = SimulatedDay.Readings(fleet.Devices, SimulatedDay.Start + TimeSpan.FromHours(12), TimeSpan.FromMinutes(1));
    }

    [Benchmark(Description = "PV reading → line")]
    public int Pv() => Append(_pv);

    [Benchmark(Description = "PV reading with 2 fault codes → line")]
    public int PvWithFaults() => Append(_pvFaults);

    [Benchmark(Description = "barn reading (6 fans) → line")]
    public int Barn() => Append(_barn);

    [Benchmark(Description = "one minute of the sample fleet (106 readings) → lines")]
    public int FleetMinute()
    {
        _writer.Builder.Clear();
        foreach (var reading in _fleetMinute)
        {
            _lines.Append(_writer, reading);
        }

        return _writer.Builder.Length;
    }

    private int Append(Reading reading)
    {
        _writer.Builder.Clear();
        _lines.Append(_writer, reading);
        return _writer.Builder.Length;
    }
}
