using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Live;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// Runs <see cref="AlertDetectorPipeline"/> in the host. At start it subscribes to stored readings and status messages
/// (queued, so nothing is missed), waits until the application has started (so the lifecycle has subscribed), replays
/// the last <see cref="AlertsOptions.ReplayHours"/> of stored readings through the detectors — which judge device time,
/// so pending durations are rebuilt exactly as before the restart — and then processes the queue live, on one thread.
/// The daily underperformance rules continue their multi-day counts from the <see cref="IDayResultStore"/>, loaded when
/// the detectors are subscribed (at start, and again if a detector failure rebuilds them).
/// </summary>
internal sealed partial class AlertDetectionService : BackgroundService
{
    private readonly FleetRegistry _fleet;
    private readonly ReadingHub _hub;
    private readonly IFleetLiveState _live;
    private readonly ITimeSeriesStore _store;
    private readonly AlertsOptions _options;
    private readonly AlertSignalHub _signals;
    private readonly IScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly IDayResultStore? _dayResults;
    private readonly ILogger<AlertDetectionService> _logger;
    private readonly DetectionProgress _progress;
    private readonly Channel<DetectionWork> _queue = Channel.CreateUnbounded<DetectionWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TaskCompletionSource _liveSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Subject<Reading> _readings = new();
    private Subject<DeviceStatusChange> _status = new();
    private IDisposable? _pipeline;
    private bool _broken;

    public AlertDetectionService(
        FleetRegistry fleet, ReadingHub hub, IFleetLiveState live, ITimeSeriesStore store, IOptions<AlertsOptions> options, AlertSignalHub signals,
        IScheduler scheduler, TimeProvider time, ILogger<AlertDetectionService> logger, IHostApplicationLifetime? lifetime = null,
        IDayResultStore? dayResults = null, DetectionProgress? progress = null)
    {
        _fleet = fleet;
        _hub = hub;
        _live = live;
        _store = store;
        _options = options.Value;
        _signals = signals;
        _scheduler = scheduler;
        _time = time;
        _logger = logger;
        _lifetime = lifetime;
        _dayResults = dayResults;
        _progress = progress ?? new DetectionProgress();
    }

    /// <summary>Completes when the replay has been fed and detection is live.</summary>
    public Task Live => _liveSignal.Task;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(_hub.Batches.Subscribe(batch =>
        {
            _progress.Enqueued(batch.Count);
            _queue.Writer.TryWrite(new DetectionWork(batch, null));
        }));
        _subscriptions.Add(_live.StatusChanges.Subscribe(status => _queue.Writer.TryWrite(new DetectionWork(null, status))));
        BuildPipeline();
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _pipeline?.Dispose();
        _readings.Dispose();
        _status.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (_lifetime is not null)
            {
                await WhenStartedAsync(_lifetime.ApplicationStarted, stoppingToken).ConfigureAwait(false);
            }

            await ReplayAsync(stoppingToken).ConfigureAwait(false);
            _liveSignal.TrySetResult();
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (work.Batch is { } batch)
                {
                    Feed(batch);
                    _progress.Done(batch.Count);
                }
                else if (work.Status is { } status)
                {
                    Guarded(() => _status.OnNext(status));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Detection must not take the host down; it is logged as critical.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(e);
        }
        finally
        {
            _liveSignal.TrySetResult();
        }
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        if (_options.ReplayHours <= 0 || !_options.DetectorsEnabled)
        {
            return;
        }

        var to = _time.GetUtcNow();
        var from = to - TimeSpan.FromHours(_options.ReplayHours);
        var count = 0L;
        var before = _signals.Published;
        await foreach (var chunk in StoreReplay.ReadAsync(_store, _fleet, from, to, ct).ConfigureAwait(false))
        {
            Feed(chunk);
            count += chunk.Count;
        }

        LogReplayed(count, from, _signals.Published - before);
    }

    private void Feed(IReadOnlyList<Reading> batch) => Guarded(() =>
    {
        foreach (var reading in batch)
        {
            _readings.OnNext(reading);
        }
    });

    private void Guarded(Action action)
    {
        if (_broken)
        {
            BuildPipeline(); // state is lost; detection resumes from here rather than staying down
        }

        try
        {
            action();
        }
#pragma warning disable CA1031 // A detector bug must not stop detection for the whole fleet.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogDetectorFailed(e);
            _broken = true;
        }
    }

    private void BuildPipeline()
    {
        _pipeline?.Dispose();
        _readings.Dispose();
        _status.Dispose();
        _readings = new Subject<Reading>();
        _status = new Subject<DeviceStatusChange>();
        _broken = false;
        _pipeline = AlertDetectorPipeline.Build(_readings, _status, _fleet, _options, _scheduler, _dayResults).Subscribe(
            _signals.Publish,
            e =>
            {
                LogDetectorFailed(e);
                _broken = true;
            });
    }

    private static async Task WhenStartedAsync(CancellationToken started, CancellationToken stopping)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = started.Register(() => tcs.TrySetResult());
        using var b = stopping.Register(() => tcs.TrySetCanceled(stopping));
        await tcs.Task.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert detection replayed {Count} stored readings since {From:O} ({Signals} signals); now live")]
    private partial void LogReplayed(long count, DateTimeOffset from, long signals);

    [LoggerMessage(Level = LogLevel.Error, Message = "A detector failed; detectors restart with empty state")]
    private partial void LogDetectorFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Alert detection stopped because of an unexpected error")]
    private partial void LogFailed(Exception exception);
}
