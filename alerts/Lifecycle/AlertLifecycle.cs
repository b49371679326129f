using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Notifiers;
using Telemetry.Alerts.Routing;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// Turns detector signals into alerts. Signals, acknowledgements and comments go through one queue and one writer loop,
/// so simultaneous signals for a device can never open two alerts; the detectors' stream is never blocked (a signal is
/// only queued). Each change is stored with its history entry and its notifications in one transaction, then the
/// delivery loops are woken and <see cref="Changes"/> emits.
/// </summary>
internal sealed partial class AlertLifecycle : IHostedService, IAlertLifecycle, IDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IEnumerable<IAlertSignalSource> _sources;
    private readonly AlertStore _store;
    private readonly AlertQueries _queries;
    private readonly DeliveryOutbox _outbox;
    private readonly DeliveryQueries _deliveries;
    private readonly AlertRouter _router;
    private readonly AlertChangeHub _hub;
    private readonly SignalCounters _counters;
    private readonly TimeProvider _time;
    private readonly MqttAlertOptions _mqtt;
    private readonly ILogger<AlertLifecycle> _logger;
    private readonly List<IDisposable> _subscriptions = [];
    private Task _loop = Task.CompletedTask;

    public AlertLifecycle(
        IEnumerable<IAlertSignalSource> sources,
        AlertStore store,
        AlertQueries queries,
        DeliveryOutbox outbox,
        DeliveryQueries deliveries,
        AlertRouter router,
        AlertChangeHub hub,
        SignalCounters counters,
        TimeProvider time,
        IOptions<MqttAlertOptions> mqtt,
        ILogger<AlertLifecycle> logger)
    {
        _sources = sources;
        _store = store;
        _queries = queries;
        _outbox = outbox;
        _deliveries = deliveries;
        _router = router;
        _hub = hub;
        _counters = counters;
        _time = time;
        _mqtt = mqtt.Value;
        _logger = logger;
    }

    public IObservable<AlertChange> Changes => _hub.Changes;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_outbox.AbandonUnconfigured(_time.GetUtcNow()) is > 0 and var abandoned)
        {
            LogAbandoned(abandoned);
        }

        if (_mqtt.RepublishOnStart)
        {
            var republished = _outbox.EnqueueRepublish(_time.GetUtcNow());
            LogRepublishing(republished);
        }

        _loop = Task.Run(RunAsync, CancellationToken.None);
        foreach (var source in _sources)
        {
            var subscription = source.Subscribe(Submit, e => LogSourceFailed(e), () => LogSourceCompleted());
            lock (_subscriptions)
            {
                _subscriptions.Add(subscription);
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Unsubscribe();
        _work.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Unsubscribe();
        _work.Writer.TryComplete();
    }

    /// <summary>
    /// Ends the subscriptions once, whoever calls first: the host may stop this service while the test host or the container
    /// disposes it ("Collection was modified" when both walked the list, seen once in CI).
    /// </summary>
    private void Unsubscribe()
    {
        IDisposable[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>Queues a signal for the writer loop; never blocks.</summary>
    public void Submit(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!_work.Writer.TryWrite(() => Process(signal)))
        {
            LogDroppedAfterStop(signal.DeviceId, signal.Rule);
        }
    }

    public AlertPage List(AlertQuery query) => _queries.List(query);

    public AlertDetail? Get(long id) => _queries.Detail(id);

    public AlertSummary Summarize(AlertQuery scope) => _queries.Summarize(scope);

    public IReadOnlyList<Alert> Active() => _queries.Active();

    public IReadOnlyList<AlertDelivery> Deliveries(bool failingOnly, string? channel, long? alertId, int limit) =>
        _deliveries.List(failingOnly, channel, alertId, Math.Clamp(limit, 1, 1_000));

    public bool RetryDelivery(long deliveryId) => _outbox.Retry(deliveryId, _time.GetUtcNow());

    public Task<AlertCommandResult> AcknowledgeAsync(long id, string by, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return RunOnWriterAsync(
            () =>
            {
                var result = _store.Acknowledge(id, by.Trim(), trimmedNote, _time.GetUtcNow());
                if (result.Outcome == AlertCommandOutcome.Done)
                {
                    _outbox.WakeAll();
                    _hub.Publish(AlertEventKind.Acknowledged, result.Alert);
                }

                return result;
            },
            cancellationToken);
    }

    public Task<AlertCommandResult> CommentAsync(long id, string by, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return RunOnWriterAsync(
            () =>
            {
                var result = _store.Comment(id, by.Trim(), text.Trim(), _time.GetUtcNow());
                if (result.Outcome == AlertCommandOutcome.Done)
                {
                    _hub.Publish(AlertEventKind.Commented, result.Alert);
                }

                return result;
            },
            cancellationToken);
    }

    private Task<T> RunOnWriterAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = _work.Writer.TryWrite(() =>
        {
            try
            {
                completion.TrySetResult(work());
            }
#pragma warning disable CA1031 // Handed to the caller, who sees it as the command's failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                completion.TrySetException(e);
            }
        });
        if (!queued)
        {
            completion.TrySetException(new InvalidOperationException("the alert lifecycle has stopped"));
        }

        return completion.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
            }
#pragma warning disable CA1031 // One failing signal (disk full, a bug) must not stop the lifecycle; it is logged with its stack.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _counters.Count("failed");
                LogWorkFailed(e);
            }
        }
    }

    private void Process(AlertSignal signal)
    {
        if (!_router.TryRoute(signal.DeviceId, out var route))
        {
            _counters.Count(nameof(SignalOutcome.Unroutable));
            LogUnroutable(signal.DeviceId, signal.Rule);
            return;
        }

        var (outcome, alert) = _store.Apply(signal, route, _time.GetUtcNow());
        _counters.Count(outcome.ToString());
        var kind = outcome switch
        {
            SignalOutcome.Raised => AlertEventKind.Raised,
            SignalOutcome.Escalated => AlertEventKind.Escalated,
            SignalOutcome.Cleared => AlertEventKind.Cleared,
            _ => (AlertEventKind?)null,
        };
        if (kind is { } k)
        {
            _outbox.WakeAll();
            _hub.Publish(k, alert);
            LogTransition(k, signal.DeviceId, signal.Rule, route.Crew.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Kind}: {DeviceId} {Rule} (crew {CrewId})")]
    private partial void LogTransition(AlertEventKind kind, string deviceId, string rule, string crewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert signal for unknown device {DeviceId} ({Rule}) dropped: no crew to route it to")]
    private partial void LogUnroutable(string deviceId, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} queued alert notifications were for notifiers no longer configured; set aside")]
    private partial void LogAbandoned(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-publishing {Count} open alerts on retained topics")]
    private partial void LogRepublishing(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert lifecycle failed to process a signal or command")]
    private partial void LogWorkFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert signal source failed; no more signals from it")]
    private partial void LogSourceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert signal source completed")]
    private partial void LogSourceCompleted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert signal {DeviceId} {Rule} arrived after the lifecycle stopped")]
    private partial void LogDroppedAfterStop(string deviceId, string rule);
}
