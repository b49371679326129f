using System.Reactive.Disposables;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>A signal source whose unsubscription runs <see cref="OnUnsubscribe"/>: a second stop arriving mid-shutdown.</summary>
internal sealed class StopDuringUnsubscribe : IAlertSignalSource
{
    public Action? OnUnsubscribe { get; set; }

    public int Unsubscribed { get; private set; }

    public IDisposable Subscribe(IObserver<AlertSignal> observer) => Disposable.Create(() =>
    {
        Unsubscribed++;
        OnUnsubscribe?.Invoke();
    });
}
