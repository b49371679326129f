using Blazor.Diagrams.Core.Geometry;

namespace Telemetry.Portal.Topology;

/// <summary>
/// A tidy left-to-right tree: one column per level, leaves stacked top to bottom in order with a wider gap between
/// sibling groups, every parent centred on its children. No crossings, and the height grows with the number of leaves.
/// </summary>
internal static class TreeLayout
{
    public const double Margin = 16;
    public const double ColumnGap = 56;
    public const double RowGap = 8;
    public const double GroupGap = 14;

    /// <summary>Sets every node's position; returns the size of the drawing including margins.</summary>
    public static Size Arrange(FleetNodeModel root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var columnWidths = new List<double>();
        Measure(root, 0, columnWidths);
        var columnX = new double[columnWidths.Count];
        for (var i = 0; i < columnX.Length; i++)
        {
            columnX[i] = i == 0 ? Margin : columnX[i - 1] + columnWidths[i - 1] + ColumnGap;
        }

        var nextY = Margin;
        Place(root, 0, columnX, ref nextY);
        var width = columnX[^1] + columnWidths[^1] + Margin;
        var bottom = Bottom(root);
        return new Size(width, bottom + Margin);
    }

    private static void Measure(FleetNodeModel node, int depth, List<double> widths)
    {
        if (widths.Count <= depth)
        {
            widths.Add(0);
        }

        widths[depth] = Math.Max(widths[depth], node.Size!.Width);
        foreach (var child in node.Children)
        {
            Measure(child, depth + 1, widths);
        }
    }

    private static void Place(FleetNodeModel node, int depth, double[] columnX, ref double nextY)
    {
        var height = node.Size!.Height;
        if (node.Children.Count == 0)
        {
            node.Position = new Point(columnX[depth], nextY);
            nextY += height + RowGap;
            return;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (i > 0 && child.Children.Count > 0)
            {
                nextY += GroupGap;
            }

            Place(child, depth + 1, columnX, ref nextY);
        }

        var first = node.Children[0];
        var last = node.Children[^1];
        var centre = (first.Position.Y + (first.Size!.Height / 2) + last.Position.Y + (last.Size!.Height / 2)) / 2;
        node.Position = new Point(columnX[depth], Math.Max(Margin, centre - (height / 2)));
        nextY = Math.Max(nextY, node.Position.Y + height + RowGap);
    }

    private static double Bottom(FleetNodeModel node) =>
        node.Children.Aggregate(node.Position.Y + node.Size!.Height, (max, child) => Math.Max(max, Bottom(child)));
}
