using System.Buffers;

namespace Telemetry.Portal.Fleet;

/// <summary>
/// A list whose storage is rented from the shared array pool and returned on dispose. The overview's per-refresh working
/// lists hold up to one entry per device: at 100,000 devices they are large-object-heap arrays, and allocating them on
/// every refresh of every open page would keep the GC collecting the whole heap.
/// </summary>
internal sealed class PooledList<T> : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(256);

    public int Count { get; private set; }

    public T this[int index] => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, Count);
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = larger;
        }

        _items[Count++] = item;
    }

    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }
}
