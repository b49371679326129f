using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.Routers;

namespace Telemetry.Portal.Topology;

/// <summary>Tree connectors: out of the parent's right side, vertically at mid-gap, into the child's left side.</summary>
internal sealed class ElbowRouter : Router
{
    public override Point[] GetRoute(Diagram diagram, BaseLinkModel link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var from = link.Source.GetPlainPosition();
        var to = link.Target.GetPlainPosition();
        if (from is null || to is null || Math.Abs(from.Y - to.Y) < 0.5)
        {
            return [];
        }

        var midX = (from.X + to.X) / 2;
        return [new Point(midX, from.Y), new Point(midX, to.Y)];
    }
}
