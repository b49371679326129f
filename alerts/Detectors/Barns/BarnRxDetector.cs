using System.Reactive.Subjects;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>A barn's rules as the Rx operator chain of <see cref="BarnDetectors"/>, fed through a subject.</summary>
internal sealed class BarnRxDetector : DeviceDetector
{
    private readonly Subject<DeviceInput> _input = new();
    private readonly IDisposable _subscription;

    public BarnRxDetector(Barn barn, DeviceDetectors context) =>
        _subscription = BarnDetectors.Detect(barn, _input, context.Options, context.Scheduler).Subscribe(context.Emit, context.Fail);

    public override void OnInput(in DeviceInput input) => _input.OnNext(input);

    public override void Complete() => _input.OnCompleted();

    public override void Dispose()
    {
        _subscription.Dispose();
        _input.Dispose();
    }
}
