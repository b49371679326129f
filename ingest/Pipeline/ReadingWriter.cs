using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Group commit: one loop takes every payload queued since the last commit (up to <see cref="IngestOptions.MaxBatchReadings"/>),
/// writes them in one store transaction, then completes their tasks so the MQTT messages are acknowledged. Under load
/// batches grow by themselves; idle, a single reading is committed at once. When the store fails the batch is retried with
/// backoff and nothing is acknowledged meanwhile.
/// </summary>
public sealed partial class ReadingWriter : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly Channel<WriteRequest> _queue;
    private readonly ITimeSeriesStore _store;
    private readonly ReadingHub _hub;
    private readonly IngestStatistics _statistics;
    private readonly StoreHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadingWriter> _logger;
    private readonly int _maxBatch;

    public ReadingWriter(
        ITimeSeriesStore store,
        ReadingHub hub,
        IngestStatistics statistics,
        StoreHealth health,
        IOptions<IngestOptions> options,
        TimeProvider time,
        ILogger<ReadingWriter> logger)
    {
        _store = store;
        _hub = hub;
        _statistics = statistics;
        _health = health;
        _time = time;
        _logger = logger;
        _maxBatch = options.Value.MaxBatchReadings;
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(options.Value.MaxQueuedPayloads)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Completes when the readings are durably stored; cancelled or faulted if the service stops first.</summary>
    public async Task WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var request = new WriteRequest(readings);
        await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        await request.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requests = new List<WriteRequest>();
        var batch = new List<Reading>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                requests.Clear();
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
                {
                    requests.Add(request);
                    batch.AddRange(request.Readings);
                }

                var stored = batch.ToArray();
                await WriteWithRetryAsync(stored, stoppingToken).ConfigureAwait(false);
                _statistics.Stored(stored);
                foreach (var request in requests)
                {
                    request.Completion.TrySetResult();
                }

                _hub.Publish(stored);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not written stays unacknowledged, so the broker or device delivers it again.
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

    private async Task WriteWithRetryAsync(IReadOnlyList<Reading> batch, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await _store.WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                if (!_health.Healthy)
                {
                    LogStoreRecovered(_health.FailingSince);
                }

                _health.Succeeded();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (_health.Failed(e.Message, _time.GetUtcNow()))
                {
                    LogStoreFailing(e, batch.Count);
                }
                else
                {
                    LogStoreStillFailing(batch.Count, e.Message);
                }
            }

            await Task.Delay(backoff, _time, stoppingToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-series store write failed; holding {Count} readings unacknowledged and retrying")]
    private partial void LogStoreFailing(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-series store still failing ({Count} readings waiting): {Error}")]
    private partial void LogStoreStillFailing(int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Time-series store is writing again (failing since {Since})")]
    private partial void LogStoreRecovered(DateTimeOffset? since);
}
