using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>The stream of alert changes, published after each commit by the lifecycle and the delivery loops.</summary>
internal sealed partial class AlertChangeHub(ILogger<AlertChangeHub> logger) : IDisposable
{
    private readonly Subject<AlertChange> _changes = new();
    private readonly Lock _gate = new();

    public IObservable<AlertChange> Changes => _changes;

    public void Publish(AlertEventKind kind, Alert? alert)
    {
        if (alert is null)
        {
            return;
        }

        lock (_gate)
        {
            try
            {
                _changes.OnNext(new AlertChange(kind, alert));
            }
#pragma warning disable CA1031 // A subscriber's bug (a portal page) must not stop the lifecycle; it is logged with its stack.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(e);
            }
        }
    }

    public void Dispose() => _changes.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "An alert change subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);
}
