using Bunit;
using Telemetry.Portal.Components.Pages;
using Telemetry.Portal.Tests.Fakes;

namespace Telemetry.Portal.Tests.Components;

public sealed class TopologyPageTests : PortalTestContext
{
    [Theory]
    [InlineData("zh-CN", "设备拓扑", "泽州县", "在线 1/4", "全市")]
    [InlineData("en", "Topology", "Zezhou", "1/4 online", "Whole city")]
    public void Render_CityLevel_ShowsEveryCountyWithItsOnlineCount(string culture, string heading, string county, string online, string cityTab)
    {
        UseCulture(culture);
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 10));

        var cut = Render<TopologyPage>();

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(cityTab, cut.Find("[data-scope='city']").TextContent);
        var node = cut.Find("[data-node='county-zezhou']");
        Assert.Equal(county, node.QuerySelector(".topo-title")!.TextContent);
        Assert.Equal(online, node.QuerySelector("[data-field='value']")!.TextContent);
        Assert.Equal(2, cut.FindAll("[data-node^='county-']").Count);
    }

    [Fact]
    public void Render_CityLevel_LinksTheCityToEachCounty()
    {
        UseCulture("zh-CN");

        var cut = Render<TopologyPage>();

        // Node sizes are fixed by the layout, so the links get their paths without a browser measuring anything.
        Assert.Equal(2, cut.FindAll(".diagram-link").Count);
        Assert.Equal(2, cut.FindAll(".diagram-link").Count(l => l.QuerySelector("path") is not null));
    }

    [Fact]
    public void Render_Legend_NamesEveryState()
    {
        UseCulture("zh-CN");

        var cut = Render<TopologyPage>();

        var legend = cut.FindAll(".legend li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["在线", "告警", "离线", "无数据"], legend);
    }

    [Fact]
    public void CountyTab_Clicked_ShowsVillagesAndDevicesColouredByState()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 12.3, 10));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-N001"), Start.AddHours(-1), 0, 10, online: false));

        var cut = Render<TopologyPage>();
        cut.Find("[data-scope='zezhou']").Click();

        Assert.Equal(["village-zz-v1", "village-zz-v2"], cut.FindAll("[data-node^='village-']").Select(n => n.GetAttribute("data-node")).ToList());
        Assert.Equal(4, cut.FindAll("[data-node^='device-']").Count);
        Assert.Equal("online", Node(cut, "device-PV-V001").GetAttribute("data-health"));
        Assert.Equal("12.3 kW", Node(cut, "device-PV-V001").QuerySelector("[data-field='value']")!.TextContent);
        Assert.Equal("offline", Node(cut, "device-PV-N001").GetAttribute("data-health"));
        Assert.Equal("nodata", Node(cut, "device-BARN-001").GetAttribute("data-health"));
        Assert.Equal(2 + 4, cut.FindAll(".diagram-link").Count); // county→villages, villages→devices
        Assert.Equal("true", cut.Find("[data-scope='zezhou']").GetAttribute("aria-selected"));
    }

    [Fact]
    public void LiveChange_DeviceGoesOffline_NodeAndItsCountyChangeColour()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start, 40, 10));
        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-002"), Start, 20, 50, 3, 700));
        var cut = Render<TopologyPage>();
        cut.Find("[data-scope='lingchuan']").Click();
        Assert.Equal("online", Node(cut, "county-lingchuan").GetAttribute("data-health"));

        Live.Set(FakeFleetLiveState.Pv(Device("PV-V002"), Start, 40, 10, online: false));
        Live.Set(FakeFleetLiveState.Climate(Device("BARN-002"), Start, 20, 50, 3, 700, online: false));
        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Equal("offline", Node(cut, "device-PV-V002").GetAttribute("data-health")));
        Assert.Equal("offline", Node(cut, "county-lingchuan").GetAttribute("data-health"));
        Assert.Equal("在线 0/2", Node(cut, "county-lingchuan").QuerySelector("[data-field='value']")!.TextContent);
    }

    private static AngleSharp.Dom.IElement Node(IRenderedComponent<TopologyPage> cut, string id) => cut.Find($"[data-node='{id}']");
}
