namespace Telemetry.Simulators.Mqtt;

/// <summary>An auto-reset signal that can be awaited: one <see cref="Set"/> releases the next (or current) waiter.</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_gate)
        {
            _tcs.TrySetResult();
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var task = Current();
        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        Reset(task);
    }

    /// <summary>Waits for the signal or the timeout, whichever comes first; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var task = Current();
        if (!task.IsCompleted)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, cts.Token);
            await Task.WhenAny(task, delay).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!task.IsCompleted)
        {
            return false;
        }

        Reset(task);
        return true;
    }

    private Task Current()
    {
        lock (_gate)
        {
            return _tcs.Task;
        }
    }

    private void Reset(Task completed)
    {
        lock (_gate)
        {
            if (_tcs.Task == completed)
            {
                _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
