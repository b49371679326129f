namespace Telemetry.Portal.Components.Shared;

/// <summary>Click-to-sort state of a table: first click ascending, second descending, third back to the default order.</summary>
public sealed class TableSort
{
    public string? Key { get; private set; }

    public bool Descending { get; private set; }

    public void Toggle(string key)
    {
        if (Key != key)
        {
            (Key, Descending) = (key, false);
        }
        else if (!Descending)
        {
            Descending = true;
        }
        else
        {
            (Key, Descending) = (null, false);
        }
    }

    /// <summary>The rows in the chosen order; nulls sort first ascending. Strings compare in the current culture (pinyin for zh-CN).</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> rows, Func<T, string, IComparable?> keyOf)
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        if (Key is not { } key)
        {
            return rows;
        }

        var comparer = Comparer<IComparable?>.Default;
        return Descending ? rows.OrderByDescending(r => keyOf(r, key), comparer) : rows.OrderBy(r => keyOf(r, key), comparer);
    }
}
