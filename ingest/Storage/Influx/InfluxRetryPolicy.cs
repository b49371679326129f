using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// Retries a write that failed transiently (429, 5xx, network): after the server's <c>Retry-After</c> when it sends one,
/// otherwise after a doubling, jittered delay. Gives up after <see cref="InfluxDbStorageOptions.MaxRetries"/> retries or when
/// the server asks for a longer wait than <see cref="InfluxDbStorageOptions.MaxRetryDelayMs"/> — the caller then spools the
/// batch. Refused points (400/422) become <see cref="TimeSeriesWriteRejectedException"/> at once.
/// </summary>
internal sealed class InfluxRetryPolicy(InfluxDbStorageOptions options, TimeProvider time)
{
    public async Task RunAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                await attempt(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (InfluxWriteException e) when (e.Rejected)
            {
                throw new TimeSeriesWriteRejectedException(e.Message, e);
            }
            catch (InfluxWriteException e) when (e.Transient && retry < options.MaxRetries)
            {
                var delay = e.RetryAfter ?? Backoff(retry);
                if (delay > TimeSpan.FromMilliseconds(options.MaxRetryDelayMs))
                {
                    throw;
                }

                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int retry)
    {
        var baseMs = options.RetryDelayMs * Math.Pow(2, retry);
        var jittered = baseMs * (1 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelayMs));
    }
}
