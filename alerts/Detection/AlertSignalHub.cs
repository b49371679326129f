using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.Detection;

/// <summary>The <see cref="IAlertSignalSource"/> singleton: a subject the detection service publishes into.</summary>
internal sealed partial class AlertSignalHub(ILogger<AlertSignalHub> logger) : IAlertSignalSource, IDisposable
{
    private readonly Subject<AlertSignal> _signals = new();

    public long Published { get; private set; }

    public IDisposable Subscribe(IObserver<AlertSignal> observer) => _signals.Subscribe(observer);

    public void Publish(AlertSignal signal)
    {
        Published++;
        try
        {
            _signals.OnNext(signal);
        }
#pragma warning disable CA1031 // A lifecycle bug must not stop detection; it is logged with its stack.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSubscriberFailed(e, signal.DeviceId, signal.Rule);
        }
    }

    public void Dispose() => _signals.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of alert signals failed on {DeviceId} {Rule}; detection continues")]
    private partial void LogSubscriberFailed(Exception exception, string deviceId, string rule);
}
