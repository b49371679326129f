using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Storage;
using Telemetry.Ingest.Storage.Spool;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Group commit with a spool: one loop takes every payload queued since the last commit (up to
/// <see cref="IngestOptions.MaxBatchReadings"/>) and writes them in one store call, then completes their tasks so the MQTT
/// messages are acknowledged. When the store fails (or times out), or while the spool still holds older readings, the batch
/// is appended to the on-disk spool instead — synced before the acknowledgement — and the same loop replays the spool to the
/// store, oldest first, with backoff while the store keeps failing. Readings reach the store in the order they arrived.
/// </summary>
/// <remarks>
/// The acknowledgement therefore means "in the store or in the spool". A replay attempt runs concurrently with the loop's
/// appends, so a hung store delays no acknowledgement beyond one append. Subscribers of <see cref="ReadingHub"/> see a batch
/// once it is durable in either place.
/// </remarks>
public sealed partial class ReadingWriter : BackgroundService
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Channel<WriteRequest> _queue;
    private readonly ITimeSeriesStore _store;
    private readonly ReadingSpool _spool;
    private readonly RollupTracker _rollups;
    private readonly ReadingHub _hub;
    private readonly IngestStatistics _statistics;
    private readonly StoreHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadingWriter> _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _writeTimeout;

    internal ReadingWriter(
        ITimeSeriesStore store,
        ReadingSpool spool,
        RollupTracker rollups,
        ReadingHub hub,
        IngestStatistics statistics,
        StoreHealth health,
        IOptions<IngestOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider time,
        ILogger<ReadingWriter> logger)
    {
        _store = store;
        _spool = spool;
        _rollups = rollups;
        _hub = hub;
        _statistics = statistics;
        _health = health;
        _time = time;
        _logger = logger;
        _maxBatch = options.Value.MaxBatchReadings;
        _writeTimeout = TimeSpan.FromSeconds(storage.Value.WriteTimeoutSeconds);
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(options.Value.MaxQueuedPayloads)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Queues a payload's readings; the task completes with <paramref name="outcome"/> when they are durably stored or
    /// spooled, and is cancelled if the service stops first. <paramref name="cancellationToken"/> cancels only the wait for
    /// room in the queue: once queued, the readings are written. While the queue has room (nearly always) this allocates the
    /// request and nothing else — no state machine, no cancellation registration — because it runs for every message.
    /// </summary>
    internal Task<IngestOutcome> Enqueue(IReadOnlyList<Reading> readings, IngestOutcome outcome, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(readings, outcome);
        return _queue.Writer.TryWrite(request) ? request.Completion.Task : EnqueueSlowAsync(request, cancellationToken);
    }

    /// <summary>
    /// Completes when the queue has room (at once while it has). A producer that does not wait for each write — the MQTT
    /// client acknowledges asynchronously — waits here, so a broker that sends faster than the store writes is held back
    /// instead of filling memory with messages waiting to be queued.
    /// </summary>
    public ValueTask<bool> WaitForRoomAsync(CancellationToken cancellationToken) => _queue.Writer.WaitToWriteAsync(cancellationToken);

    private async Task<IngestOutcome> EnqueueSlowAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Completion.Task.ConfigureAwait(false);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _spool.Open();
        try
        {
            await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not fatal: readings go to the spool, and the store initializes itself on its next write.
            _health.Failed(e.Message, _time.GetUtcNow());
            LogInitializeFailed(e, _spool.Folder);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requests = new List<WriteRequest>();
        var batch = new List<Reading>();
        Task<bool>? readable = null;
        Task<bool>? replay = null;
        SpoolChunk? chunk = null;
        Task? timer = null;
        var timerDue = DateTimeOffset.MinValue;
        var backoff = InitialBackoff;
        var nextReplay = _time.GetUtcNow();
        try
        {
            while (true)
            {
                if (replay is null && !_spool.IsEmpty && _time.GetUtcNow() >= nextReplay)
                {
                    chunk = _spool.Peek(_maxBatch);
                    replay = chunk is null ? null : TryStoreAsync(chunk.Readings, stoppingToken);
                }

                readable ??= _queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (!readable.IsCompleted && replay is not { IsCompleted: true })
                {
                    if (replay is not null)
                    {
                        await Task.WhenAny(readable, replay).ConfigureAwait(false);
                    }
                    else if (!_spool.IsEmpty)
                    {
                        if (timer is null || timer.IsCompleted || timerDue != nextReplay)
                        {
                            var delay = nextReplay - _time.GetUtcNow();
                            timer = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time, stoppingToken);
                            timerDue = nextReplay;
                        }

                        await Task.WhenAny(readable, timer).ConfigureAwait(false);
                    }
                    else
                    {
                        await readable.ConfigureAwait(false);
                    }
                }

                if (replay is { IsCompleted: true })
                {
                    if (await replay.ConfigureAwait(false))
                    {
                        _spool.Commit(chunk!);
                        backoff = InitialBackoff;
                        nextReplay = _time.GetUtcNow();
                        if (_spool.IsEmpty)
                        {
                            LogSpoolDrained();
                        }
                    }
                    else
                    {
                        nextReplay = _time.GetUtcNow() + backoff;
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    }

                    replay = null;
                    chunk = null;
                }

                stoppingToken.ThrowIfCancellationRequested();
                if (!readable.IsCompleted)
                {
                    continue;
                }

                if (!await readable.ConfigureAwait(false))
                {
                    return;
                }

                readable = null;
                requests.Clear();
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
                {
                    requests.Add(request);
                    batch.AddRange(request.Readings);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                var readings = batch.ToArray();
                if (!_spool.IsEmpty || !await TryStoreAsync(readings, stoppingToken).ConfigureAwait(false))
                {
                    if (_spool.IsEmpty)
                    {
                        nextReplay = _time.GetUtcNow() + backoff;
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    }

                    _spool.Append(readings);
                }

                foreach (var request in requests)
                {
                    request.Stored();
                }

                _hub.Publish(readings);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was neither stored nor spooled stays unacknowledged, so the broker or device delivers it again.
            foreach (var request in requests)
            {
                request.Completion.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Completion.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>One store write with a timeout; false when the batch must go to (or stay in) the spool.</summary>
    private async Task<bool> TryStoreAsync(IReadOnlyList<Reading> readings, CancellationToken stoppingToken)
    {
        if (readings.Count == 0)
        {
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_writeTimeout);
        var started = _time.GetTimestamp();
        try
        {
            await _store.WriteAsync(readings, timeout.Token).ConfigureAwait(false);
        }
        catch (TimeSeriesWriteRejectedException e)
        {
            // The store kept the good points and refused the rest for good; spooling cannot change that.
            _statistics.RefusedByStore(readings.Count);
            LogRefused(e, readings.Count);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (_health.Failed(e is OperationCanceledException ? $"write timed out after {_writeTimeout.TotalSeconds:0} s" : e.Message, _time.GetUtcNow()))
            {
                LogStoreFailing(e, readings.Count, _spool.Folder);
            }
            else
            {
                LogStoreStillFailing(readings.Count, e.Message, _spool.Readings);
            }

            return false;
        }

        if (!_health.Healthy)
        {
            LogStoreRecovered(_health.FailingSince, _spool.Readings);
        }

        _health.Succeeded();
        _statistics.Stored(readings, _time.GetUtcNow().ToUnixTimeMilliseconds(), _time.GetElapsedTime(started));
        _rollups.Touch(readings);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-series store write failed; spooling {Count} readings to {Folder} (acknowledged) and replaying when it is back")]
    private partial void LogStoreFailing(Exception exception, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-series store still failing ({Count} readings in this attempt, {Spooled} spooled): {Error}")]
    private partial void LogStoreStillFailing(int count, string error, long spooled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Time-series store is writing again (failing since {Since}); replaying {Spooled} spooled readings")]
    private partial void LogStoreRecovered(DateTimeOffset? since, long spooled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool drained: every spooled reading is in the store")]
    private partial void LogSpoolDrained();

    [LoggerMessage(Level = LogLevel.Error, Message = "The time-series store refused points of a batch of {Count} readings for good (the rest is stored)")]
    private partial void LogRefused(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-series store could not be initialized at start; readings are spooled to {Folder} until it can")]
    private partial void LogInitializeFailed(Exception exception, string folder);
}
