namespace Telemetry.Portal.Fleet;

/// <summary>Orders a filtered device table and cuts out one page; rows are built for that page only.</summary>
internal static class TableSorter
{
    public static TablePage<TRow> Page<TRow>(
        List<TableItem> items, TableQuery query, FleetOrder order, Func<TableItem, string, FleetOrder, double?> keyOf, Func<Ingest.Live.DeviceSnapshot, TRow> rowOf)
    {
        var indexes = new int[items.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = i;
        }

        var keys = query.SortKey is { } column && items.Count > 0 && keyOf(items[0], column, order) is not null
            ? items.ConvertAll(item => keyOf(item, column, order)!.Value)
            : null;
        var sign = query.Descending ? -1 : 1;
        Array.Sort(indexes, (a, b) =>
        {
            if (keys is not null)
            {
                var byKey = keys[a].CompareTo(keys[b]);
                if (byKey != 0)
                {
                    return sign * byKey;
                }
            }

            // The default order, and the tie-break of every other order: worst health first, then registry order.
            var x = items[a];
            var y = items[b];
            return x.Health != y.Health ? x.Health.CompareTo(y.Health) : x.Snapshot.Device.Index.CompareTo(y.Snapshot.Device.Index);
        });

        var pageSize = Math.Max(1, query.PageSize);
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 0, pageCount - 1);
        var rows = new List<TRow>(Math.Min(pageSize, items.Count));
        for (var i = page * pageSize; i < Math.Min(items.Count, (page + 1) * pageSize); i++)
        {
            rows.Add(rowOf(items[indexes[i]].Snapshot));
        }

        return new TablePage<TRow>(rows, items.Count, page, pageSize);
    }
}
