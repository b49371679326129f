using Telemetry.Portal.Components.Shared;

namespace Telemetry.Portal.Tests.Model;

public sealed class TableSortTests
{
    private static readonly int?[] Values = [3, null, 1, 2];

    [Fact]
    public void Toggle_SameColumnThreeTimes_AscendingThenDescendingThenDefault()
    {
        var sort = new TableSort();

        sort.Toggle("v");
        Assert.Equal([null, 1, 2, 3], sort.Apply(Values, (v, _) => v));
        sort.Toggle("v");
        Assert.Equal([3, 2, 1, null], sort.Apply(Values, (v, _) => v));
        sort.Toggle("v");
        Assert.Equal(Values, sort.Apply(Values, (v, _) => v));
        Assert.Null(sort.Key);
    }

    [Fact]
    public void Toggle_OtherColumn_StartsAscending()
    {
        var sort = new TableSort();
        sort.Toggle("a");
        sort.Toggle("a");

        sort.Toggle("b");

        Assert.Equal("b", sort.Key);
        Assert.False(sort.Descending);
    }
}
