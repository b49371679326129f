namespace Telemetry.Alerts.Notifiers;

/// <summary>Wakes a delivery loop when new work was committed. Reset before looking for work, so no wake-up is lost.</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref _signal);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }

    /// <summary>Completes when set, after <paramref name="timeout"/> (infinite: <see cref="Timeout.InfiniteTimeSpan"/>), or on cancellation.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal).Task;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await signal.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Time for a scheduled retry.
        }
    }
}
