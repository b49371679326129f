using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// The barn rules, only those its sensors and limits support: offline, then for each reading stuck sensors, battery,
/// the limit rules (NH3, H2S, CO2, temperature high and low, humidity, heat stress), fans, water and feed — in that
/// order, so signals of one reading come out in it. Rule state lives in struct fields.
/// </summary>
internal sealed class BarnDetector : DeviceDetector, IObserver<ConditionChange>
{
    private readonly Barn _barn;
    private readonly DeviceDetectors _context;
    private readonly BarnLimits _limits;
    private readonly OfflineWatch _offline;
    private EquipmentRules _equipment;
    private LimitRules _limitRules;
    private IntakeRules _intake;

    public BarnDetector(Barn barn, DeviceDetectors context)
    {
        _barn = barn;
        _context = context;
        var o = context.Options.Barns;
        _limits = BarnLimits.For(barn, o);
        _offline = OfflineRule.Watch(barn, this, context.Options.Offline, context.Scheduler);
        _equipment = new EquipmentRules(o);
        _limitRules = new LimitRules(_limits, o);
        _intake = new IntakeRules(o);
    }

    public override void OnInput(in DeviceInput input)
    {
        _offline.OnNext(input.Liveness);
        if (input.Reading is not BarnReading r)
        {
            return;
        }

        var o = _context.Options.Barns;
        _equipment.Stuck(_barn, r, o, _context);
        _equipment.Battery(_barn, r, o, _context);
        _limitRules.Apply(_barn, r, _limits, _context);
        if (_barn.FanCount > 0)
        {
            _equipment.Fans(_barn, r, o, _context);
        }

        _intake.Apply(_barn, r, _limits, o, _context);
    }

    public override void Complete() => _offline.OnCompleted();

    public override void Dispose() => _offline.Dispose();

    void IObserver<ConditionChange>.OnNext(ConditionChange value) => _context.Emit(OfflineRule.Signal(_barn, value));

    void IObserver<ConditionChange>.OnError(Exception error) => _context.Fail(error);

    void IObserver<ConditionChange>.OnCompleted()
    {
    }
}
