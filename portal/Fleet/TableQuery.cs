namespace Telemetry.Portal.Fleet;

/// <summary>Which page of a device table to show, in which order.</summary>
/// <param name="SortKey">The column to sort by (the table's column keys, e.g. <c>power</c>); null for the default order
/// (worst health first, then registry order).</param>
/// <param name="Descending">Sort descending; ties keep the default order either way.</param>
/// <param name="Page">Zero-based page; a page past the end shows the last page.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record TableQuery(string? SortKey = null, bool Descending = false, int Page = 0, int PageSize = TableQuery.DefaultPageSize)
{
    /// <summary>Rows per page on the overview: enough to scan, few enough that a page renders in milliseconds at any fleet size.</summary>
    public const int DefaultPageSize = 100;

    public static TableQuery First { get; } = new();
}
