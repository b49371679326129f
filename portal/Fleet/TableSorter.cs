using System.Buffers;
using System.Globalization;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Fleet;

/// <summary>Orders a filtered device table and cuts out one page; rows are built for that page only.</summary>
internal static class TableSorter
{
    private const int HealthCount = (int)DeviceHealth.Online + 1;

    /// <summary>The sort key of a row for a column (text columns get the column's culture ranks); null for an unknown column.</summary>
    public delegate double? KeyOf(TableItem item, string column, int[]? ranks);

    public static TablePage<TRow> Page<TRow>(PooledList<TableItem> items, TableQuery query, FleetOrder order, KeyOf keyOf, Func<DeviceSnapshot, TRow> rowOf)
    {
        var column = query.SortKey;
        var ranks = column is not null && FleetOrder.IsTextColumn(column) ? order.Ranks(column, CultureInfo.CurrentCulture) : null;
        if (column is not null && items.Count > 0 && keyOf(items[0], column, ranks) is null)
        {
            column = null; // not a column of this table: the default order
        }

        var pageSize = Math.Max(1, query.PageSize);
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 0, pageCount - 1);
        if (column is null && InRegistryOrder(items))
        {
            return new TablePage<TRow>(DefaultOrderPage(items, page * pageSize, pageSize, rowOf), items.Count, page, pageSize);
        }

        var sign = query.Descending ? -1 : 1;
        var entries = ArrayPool<SortEntry>.Shared.Rent(items.Count);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var key = column is null ? 0 : sign * keyOf(item, column, ranks)!.Value;
                entries[i] = new SortEntry(key, ((long)item.Health << 32) | (uint)item.Index, i);
            }

            Array.Sort(entries, 0, items.Count);
            var rows = new List<TRow>(Math.Min(pageSize, items.Count));
            for (var i = page * pageSize; i < Math.Min(items.Count, (page + 1) * pageSize); i++)
            {
                rows.Add(rowOf(items[entries[i].Item].Snapshot));
            }

            return new TablePage<TRow>(rows, items.Count, page, pageSize);
        }
        finally
        {
            ArrayPool<SortEntry>.Shared.Return(entries);
        }
    }

    /// <summary>
    /// The default order (worst health first, then registry order) without sorting: the rows are already in registry
    /// order, so a row's place is the number of rows of worse health plus the rows of its health before it. One pass to
    /// count, one to pick the page.
    /// </summary>
    private static List<TRow> DefaultOrderPage<TRow>(PooledList<TableItem> items, int first, int count, Func<DeviceSnapshot, TRow> rowOf)
    {
        Span<int> start = stackalloc int[HealthCount];
        for (var i = 0; i < items.Count; i++)
        {
            start[(int)items[i].Health]++;
        }

        for (int h = 0, sum = 0; h < HealthCount; h++)
        {
            (start[h], sum) = (sum, sum + start[h]);
        }

        var page = new TableItem[Math.Max(0, Math.Min(count, items.Count - first))];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var place = start[(int)item.Health]++ - first;
            if ((uint)place < (uint)page.Length)
            {
                page[place] = item;
            }
        }

        return [.. page.Select(item => rowOf(item.Snapshot))];
    }

    private static bool InRegistryOrder(PooledList<TableItem> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Index <= items[i - 1].Index)
            {
                return false;
            }
        }

        return true;
    }
}
