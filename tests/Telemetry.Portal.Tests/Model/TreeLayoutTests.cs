using Telemetry.Portal.Fleet;
using Telemetry.Portal.Tests.Fakes;
using Telemetry.Portal.Topology;

namespace Telemetry.Portal.Tests.Model;

public sealed class TreeLayoutTests
{
    [Fact]
    public void Arrange_County_PutsLevelsInColumnsWithoutOverlapAndCentresParents()
    {
        var fleet = TestFleet.Registry;
        var root = TopologyBuilder.County(fleet, fleet.Counties[0], "caption");

        var size = TreeLayout.Arrange(root);

        var nodes = TopologyBuilder.Flatten(root).ToList();
        Assert.Equal(1 + 2 + 4, nodes.Count);
        foreach (var (a, b) in nodes.SelectMany(a => nodes.Where(b => a != b).Select(b => (a, b))))
        {
            var overlap = a.Position.X < b.Position.X + b.Size!.Width && b.Position.X < a.Position.X + a.Size!.Width
                && a.Position.Y < b.Position.Y + b.Size.Height && b.Position.Y < a.Position.Y + a.Size.Height;
            Assert.False(overlap, $"{a.Id} overlaps {b.Id}");
        }

        foreach (var parent in nodes.Where(n => n.Children.Count > 0))
        {
            Assert.All(parent.Children, c => Assert.True(c.Position.X > parent.Position.X + parent.Size!.Width));
            var childrenCentre = (parent.Children[0].Position.Y + parent.Children[^1].Position.Y + parent.Children[^1].Size!.Height) / 2;
            Assert.Equal(childrenCentre, parent.Position.Y + (parent.Size!.Height / 2), precision: 6);
        }

        Assert.All(nodes, n => Assert.True(n.Position.Y + n.Size!.Height <= size.Height && n.Position.X + n.Size.Width <= size.Width));
    }

    [Fact]
    public void Arrange_City_StacksCountiesInRegistryOrder()
    {
        var root = TopologyBuilder.City(TestFleet.Registry, "晋城市", _ => "");

        TreeLayout.Arrange(root);

        Assert.Equal(["county-zezhou", "county-lingchuan"], root.Children.OrderBy(c => c.Position.Y).Select(c => c.Id).ToList());
        Assert.Equal(TopologyNodeKind.City, root.Kind);
        Assert.Equal(DeviceHealth.NoData, root.Health);
        Assert.Equal(6, root.DeviceCount);
    }
}
