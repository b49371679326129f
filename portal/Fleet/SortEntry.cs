namespace Telemetry.Portal.Fleet;

/// <summary>
/// One row of a table being sorted: the column's key (negated for descending), then the default order as the tie-break
/// (<see cref="Rank"/> = health, then registry index). A struct compared without delegates, so sorting 100,000 rows
/// takes milliseconds.
/// </summary>
internal readonly struct SortEntry(double key, long rank, int item) : IComparable<SortEntry>
{
    public double Key { get; } = key;

    public long Rank { get; } = rank;

    /// <summary>Position of the row in the filtered list.</summary>
    public int Item { get; } = item;

    public int CompareTo(SortEntry other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Rank.CompareTo(other.Rank);
    }
}
