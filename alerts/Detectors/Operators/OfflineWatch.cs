using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Per-subscription state of <see cref="LivenessOperators.WhenOffline"/>: one timer, re-armed lazily.</summary>
internal sealed class OfflineWatch(IObserver<ConditionChange> observer, TimeSpan silence, TimeSpan lastWillGrace, AlertSeverity severity, IScheduler scheduler)
    : IObserver<Liveness>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SerialDisposable _timer = new();
    private DateTimeOffset? _lastReading;
    private DateTimeOffset? _willAt;
    private DateTimeOffset? _timerDue;
    private DateTimeOffset _activeSince;
    private bool _active;
    private bool _stopped;

    public void OnNext(Liveness value)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var now = scheduler.Now;
            switch (value)
            {
                case Liveness.Reading:
                    _lastReading = now;
                    _willAt = null;
                    if (_active)
                    {
                        _active = false;
                        observer.OnNext(new ConditionChange(false, severity, now, _activeSince, (now - _activeSince).TotalSeconds));
                    }

                    break;
                case Liveness.Online:
                    _willAt = null;
                    break;
                default:
                    _willAt ??= now;
                    break;
            }

            Arm();
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            _stopped = true;
            _timer.Dispose();
            observer.OnError(error);
        }
    }

    public void OnCompleted()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer.Dispose();
            observer.OnCompleted();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer.Dispose();
        }
    }

    private DateTimeOffset? Deadline()
    {
        DateTimeOffset? silent = _lastReading + silence;
        DateTimeOffset? gone = _willAt + lastWillGrace;
        return silent is null ? gone : gone is null ? silent : (silent < gone ? silent : gone);
    }

    /// <summary>Schedules a check at the deadline unless one is already due no later (a later check re-arms itself).</summary>
    private void Arm()
    {
        if (_active || Deadline() is not { } due || (_timerDue is { } pending && pending <= due))
        {
            return;
        }

        _timerDue = due;
        _timer.Disposable = scheduler.Schedule(due, Check);
    }

    private void Check()
    {
        lock (_gate)
        {
            _timerDue = null;
            if (_stopped || _active || Deadline() is not { } due)
            {
                return;
            }

            var now = scheduler.Now;
            if (now < due)
            {
                Arm();
                return;
            }

            _active = true;
            // Since: the last reading (what the crew needs: "no data since …"), else the Last Will.
            _activeSince = _lastReading ?? _willAt ?? now;
            observer.OnNext(new ConditionChange(true, severity, now, _activeSince, (now - _activeSince).TotalSeconds));
        }
    }
}
