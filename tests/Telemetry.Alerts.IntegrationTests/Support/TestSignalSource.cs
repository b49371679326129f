using System.Reactive.Subjects;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>Stands in for the detectors: the test emits the signals.</summary>
internal sealed class TestSignalSource : IAlertSignalSource, IDisposable
{
    private readonly Subject<AlertSignal> _signals = new();

    public IDisposable Subscribe(IObserver<AlertSignal> observer) => _signals.Subscribe(observer);

    public void Emit(AlertSignal signal) => _signals.OnNext(signal);

    public void Dispose() => _signals.Dispose();
}
