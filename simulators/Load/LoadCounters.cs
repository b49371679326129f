namespace Telemetry.Simulators.Load;

/// <summary>What the load generator has sent and what the broker said, updated from every device's loop.</summary>
internal sealed class LoadCounters
{
    private long _messagesAcked;
    private long _readingsAcked;
    private long _readingsRejected;
    private long _readingsFailed;
    private long _connected;
    private long _connectFailures;

    public long MessagesAcked => Interlocked.Read(ref _messagesAcked);

    public long ReadingsAcked => Interlocked.Read(ref _readingsAcked);

    /// <summary>Readings in messages the broker answered with a failure reason (e.g. PayloadFormatInvalid).</summary>
    public long ReadingsRejected => Interlocked.Read(ref _readingsRejected);

    /// <summary>Readings in messages that got no answer (timeout, connection lost): possibly stored, possibly not.</summary>
    public long ReadingsFailed => Interlocked.Read(ref _readingsFailed);

    public long Connected => Interlocked.Read(ref _connected);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    public void Acked(int readings)
    {
        Interlocked.Increment(ref _messagesAcked);
        Interlocked.Add(ref _readingsAcked, readings);
    }

    public void Rejected(int readings) => Interlocked.Add(ref _readingsRejected, readings);

    public void Failed(int readings) => Interlocked.Add(ref _readingsFailed, readings);

    public void ConnectionOpened() => Interlocked.Increment(ref _connected);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connected);

    public void ConnectFailed() => Interlocked.Increment(ref _connectFailures);
}
