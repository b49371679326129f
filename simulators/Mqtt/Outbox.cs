using Telemetry.Core.Readings;

namespace Telemetry.Simulators.Mqtt;

/// <summary>
/// A device's unacknowledged readings, oldest first, like a logger's ring buffer: a reading leaves only when the
/// broker acknowledged the publish that carried it. When full, the oldest readings are dropped (and counted).
/// Thread-safe; one producer (the simulator) and one consumer (the sender).
/// </summary>
internal sealed class Outbox
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Id, Reading Reading)> _items = new();
    private readonly AsyncSignal _added = new();
    private readonly int _capacity;
    private long _nextId;

    public Outbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Readings dropped because the outbox was full.</summary>
    public long Dropped { get; private set; }

    public void Add(Reading reading)
    {
        lock (_gate)
        {
            _items.Enqueue((_nextId++, reading));
            while (_items.Count > _capacity)
            {
                _items.Dequeue();
                Dropped++;
            }
        }

        _added.Set();
    }

    /// <summary>Copies up to <paramref name="max"/> of the oldest readings into <paramref name="batch"/> without removing them.</summary>
    /// <returns>False when empty; otherwise the id of the last reading copied, to pass to <see cref="Acknowledge"/>.</returns>
    public bool TryPeek(int max, List<Reading> batch, out long lastId)
    {
        batch.Clear();
        lastId = -1;
        lock (_gate)
        {
            foreach (var (id, reading) in _items)
            {
                if (batch.Count == max)
                {
                    break;
                }

                batch.Add(reading);
                lastId = id;
            }
        }

        return batch.Count > 0;
    }

    /// <summary>Removes every reading up to and including <paramref name="lastId"/>.</summary>
    public void Acknowledge(long lastId)
    {
        lock (_gate)
        {
            while (_items.Count > 0 && _items.Peek().Id <= lastId)
            {
                _items.Dequeue();
            }
        }
    }

    /// <summary>Completes when the outbox holds at least one reading.</summary>
    public async Task WaitForReadingsAsync(CancellationToken cancellationToken)
    {
        while (Count == 0)
        {
            await _added.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
