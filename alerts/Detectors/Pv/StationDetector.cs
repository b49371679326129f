using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// The per-station PV rules (the daily rules run per county): offline, then for each reading zero output, inverter
/// fault, grid voltage and frequency, over-temperature, meter backwards and frozen — in that order, so signals of one
/// reading come out in it. Each rule's state is a struct field: a station costs one object plus its offline watch.
/// </summary>
internal sealed class StationDetector : DeviceDetector, IObserver<ConditionChange>
{
    private readonly Station _station;
    private readonly DeviceDetectors _context;
    private readonly OfflineWatch _offline;
    private ZeroOutputRule _zero;
    private FaultCodeRule _fault;
    private GridVoltageRule _voltage;
    private GridFrequencyRule _frequency;
    private OverTemperatureRule _temperature;
    private MeterRules _meter;

    public StationDetector(Station station, DeviceDetectors context)
    {
        _station = station;
        _context = context;
        var o = context.Options.Pv;
        _offline = OfflineRule.Watch(station, this, context.Options.Offline, context.Scheduler);
        _zero = new ZeroOutputRule(station, o.ZeroOutput);
        _fault = new FaultCodeRule(TimeSpan.FromMinutes(o.FaultClearAfterMinutes));
        _voltage = new GridVoltageRule(o.Grid);
        _frequency = new GridFrequencyRule(o.Grid);
        _temperature = new OverTemperatureRule(o.OverTemperature);
        _meter = new MeterRules(o.Meter);
    }

    public override void OnInput(in DeviceInput input)
    {
        _offline.OnNext(input.Liveness);
        if (input.Reading is not PvReading r)
        {
            return;
        }

        var o = _context.Options.Pv;
        Emit(_zero.Apply(_station, r, o.ZeroOutput));
        Emit(_fault.Apply(_station, r));
        Emit(_voltage.Apply(_station, r, o.Grid));
        Emit(_frequency.Apply(_station, r, o.Grid));
        Emit(_temperature.Apply(_station, r, o.OverTemperature, _context.OverTemperatureLevels));
        var meter = new CounterSample(r.Timestamp, MeterRules.Bridged(_station, r), r.PowerKw);
        Emit(_meter.Backwards(_station, meter, o.Meter));
        Emit(_meter.Frozen(_station, meter, o.Meter));
    }

    public override void Complete() => _offline.OnCompleted();

    public override void Dispose() => _offline.Dispose();

    void IObserver<ConditionChange>.OnNext(ConditionChange value) => _context.Emit(OfflineRule.Signal(_station, value));

    void IObserver<ConditionChange>.OnError(Exception error) => _context.Fail(error);

    void IObserver<ConditionChange>.OnCompleted()
    {
    }

    private void Emit(AlertSignal? signal)
    {
        if (signal is not null)
        {
            _context.Emit(signal);
        }
    }
}
