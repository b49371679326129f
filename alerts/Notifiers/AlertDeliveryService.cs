using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// One delivery loop per notifier over its outbox rows: sends what is due, oldest first, each attempt bounded by the
/// notifier's timeout; a failure is retried after an exponential backoff with jitter (until its maximum attempts, then
/// it is marked failed and stays visible). Loops are independent, so a hanging webhook never delays MQTT.
/// </summary>
internal sealed partial class AlertDeliveryService(
    DeliveryOutbox outbox,
    DeliveryQueries queries,
    AlertChangeHub hub,
    TimeProvider time,
    ILogger<AlertDeliveryService> logger) : BackgroundService
{
    private const int Batch = 32;
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);
    private static readonly TimeSpan AfterStoreError = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(outbox.Channels.Select(c => Task.Run(() => RunAsync(c, stoppingToken), CancellationToken.None)));

    private async Task RunAsync(DeliveryChannel channel, CancellationToken stoppingToken)
    {
        var wake = outbox.WakeSignalOf(channel.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                wake.Reset();
                var due = queries.NextDue(channel.Name, time.GetUtcNow(), Batch);
                if (due.Count > 0)
                {
                    foreach (var (delivery, notification) in due)
                    {
                        await AttemptAsync(channel, delivery, notification, stoppingToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var wait = queries.NextAttemptAt(channel.Name) is { } next ? next - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
                {
                    await wake.WaitAsync(wait > LongestSleep ? LongestSleep : wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store failing (disk full) must not end delivery for good; retried after a pause.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogLoopFailed(e, channel.Name);
                await Task.Delay(AfterStoreError, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task AttemptAsync(DeliveryChannel channel, AlertDelivery delivery, AlertNotification notification, CancellationToken stoppingToken)
    {
        string? error = null;
        using (var timeout = new CancellationTokenSource(channel.Options.Timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token))
        {
            try
            {
                await channel.Notifier.DeliverAsync(notification, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                error = $"timed out after {channel.Options.Timeout.TotalSeconds:0.###} s";
            }
#pragma warning disable CA1031 // Any failure of a notifier is a failed attempt: recorded, retried, never thrown into detection.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                error = e.Message;
            }
        }

        var now = time.GetUtcNow();
        if (error is null)
        {
            hub.Publish(AlertEventKind.Delivered, outbox.MarkDelivered(delivery, now));
            LogDelivered(channel.Name, delivery.Event, notification.Topic, delivery.Attempts + 1);
            return;
        }

        var attempts = delivery.Attempts + 1;
        var options = channel.Options;
        DateTimeOffset? retryAt = options.MaxAttempts > 0 && attempts >= options.MaxAttempts
            ? null
            : now + DeliveryBackoff.After(attempts, options, Random.Shared.NextDouble());
        hub.Publish(AlertEventKind.DeliveryFailed, outbox.MarkFailed(delivery, now, error, retryAt));
        if (retryAt is { } at)
        {
            LogRetrying(channel.Name, delivery.Event, delivery.AlertId, attempts, error, at);
        }
        else
        {
            LogGaveUp(channel.Name, delivery.Event, delivery.AlertId, attempts, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Channel}: delivered {Event} on {Topic} (attempt {Attempt})")]
    private partial void LogDelivered(string channel, AlertEventKind @event, string topic, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: {Event} of alert {AlertId} failed (attempt {Attempt}): {Error}; retrying at {RetryAt:O}")]
    private partial void LogRetrying(string channel, AlertEventKind @event, long alertId, int attempt, string error, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: gave up on {Event} of alert {AlertId} after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(string channel, AlertEventKind @event, long alertId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: delivery loop failed; resuming")]
    private partial void LogLoopFailed(Exception exception, string channel);
}
