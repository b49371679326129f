namespace Telemetry.Portal.Fleet;

/// <summary>One page of a device table, with the size of the whole filtered table.</summary>
/// <param name="Rows">The rows of this page, in order.</param>
/// <param name="Total">Rows that match the filters, on all pages.</param>
/// <param name="PageIndex">Zero-based page shown.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record TablePage<T>(IReadOnlyList<T> Rows, int Total, int PageIndex, int PageSize)
{
    public static TablePage<T> Empty { get; } = new([], 0, 0, TableQuery.DefaultPageSize);

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>One-based number of the first row shown (0 when there is none).</summary>
    public int FirstRow => Rows.Count == 0 ? 0 : (PageIndex * PageSize) + 1;

    /// <summary>One-based number of the last row shown.</summary>
    public int LastRow => (PageIndex * PageSize) + Rows.Count;
}
