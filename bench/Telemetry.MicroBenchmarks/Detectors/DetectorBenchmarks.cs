using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;
using Telemetry.MicroBenchmarks.Support;

namespace Telemetry.MicroBenchmarks.Detectors;

/// <summary>
/// Detectors per reading: the composed pipeline the alerts service runs (<see cref="AlertDetectorPipeline.Build"/> with the
/// default thresholds: ordering, grouping per device, every PV or barn rule of the device's kind, the county's daily yield
/// comparison), fed the simulated sample fleet minute by minute from 06:00 past midnight, with the wall clock (a
/// <see cref="HistoricalScheduler"/>) advanced each minute as in production. Each iteration starts from fresh detector state.
/// Results are per reading.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class DetectorBenchmarks
{
    private const int PvReadings = 100_000;
    private const int BarnReadings = 20_000;

    private Reading[] _pv = [];
    private Reading[] _barn = [];
    private Subject<Reading>? _readings;
    private Subject<DeviceStatusChange>? _status;
    private HistoricalScheduler? _clock;
    private IDisposable? _subscription;

    /// <summary>Signals raised or cleared in the last iteration (a healthy simulated fleet raises few).</summary>
    public int Signals { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var fleet = BenchFleet.Jincheng;
        var from = SimulatedDay.Start + TimeSpan.FromHours(6);
        _pv = Take(fleet.Stations, PvReadings, from);
        _barn = Take(fleet.Barns, BarnReadings, from);
    }

    [IterationSetup]
    public void Subscribe()
    {
        _readings = new Subject<Reading>();
        _status = new Subject<DeviceStatusChange>();
        _clock = new HistoricalScheduler(SimulatedDay.Start + TimeSpan.FromHours(6));
        Signals = 0;
        _subscription = AlertDetectorPipeline.Build(_readings, _status, BenchFleet.Jincheng, new AlertsOptions(), _clock)
            .Subscribe(_ => Signals++);
    }

    [IterationCleanup]
    public void Unsubscribe()
    {
        _subscription?.Dispose();
        _readings?.Dispose();
        _status?.Dispose();
    }

    [Benchmark(Description = "detectors per PV reading (88 stations, 8 rules each + county daily)", OperationsPerInvoke = PvReadings)]
    public void Pv() => Feed(_pv);

    [Benchmark(Description = "detectors per barn reading (18 barns, 8–13 rules each)", OperationsPerInvoke = BarnReadings)]
    public void Barn() => Feed(_barn);

    private void Feed(Reading[] readings)
    {
        var minute = long.MinValue;
        foreach (var reading in readings)
        {
            if (reading.TimestampMs != minute)
            {
                minute = reading.TimestampMs;
                _clock!.AdvanceTo(reading.Timestamp);
            }

            _readings!.OnNext(reading);
        }
    }

    private static Reading[] Take<T>(IReadOnlyList<T> devices, int count, DateTimeOffset from)
        where T : Device
    {
        var minutes = (count + devices.Count - 1) / devices.Count;
        return [.. SimulatedDay.Readings(devices, from, TimeSpan.FromMinutes(minutes)).Take(count)];
    }
}
