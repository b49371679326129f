using Bunit;
using Telemetry.Core.Readings;
using Telemetry.Portal.Components.Pages;
using Telemetry.Portal.Tests.Fakes;

namespace Telemetry.Portal.Tests.Components;

public sealed class FleetOverviewPageTests : PortalTestContext
{
    [Theory]
    [InlineData("zh-CN", "电站与养殖场", "村级", "生猪", "生长育肥", "在线", "东四义村")]
    [InlineData("en", "Stations and barns", "Village", "Pigs", "Grower", "Online", "Dongsiyi")]
    public void Render_Culture_ShowsLabelsInThatLanguage(string culture, string heading, string villageClass, string pig, string stage, string online, string village)
    {
        UseCulture(culture);
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 100));

        var cut = Render<FleetOverviewPage>();

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(villageClass, Cell(cut, "PV-V001", "class").TextContent.Trim());
        Assert.Equal(online, Cell(cut, "PV-V001", "status").TextContent.Trim());
        Assert.StartsWith(village, Cell(cut, "PV-V001", "location").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(pig, Cell(cut, "BARN-001", "species").TextContent.Trim());
        Assert.Equal(stage, Cell(cut, "BARN-001", "stage").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Render_OnlineStation_ShowsPowerEnergyAndSpecificYieldWithFixedPrecision(string culture)
    {
        UseCulture(culture);
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-N001"), Start, 1234.56, 2456.78));

        var cut = Render<FleetOverviewPage>();

        Assert.Equal("1,234.6", Cell(cut, "PV-N001", "power").TextContent);
        Assert.Equal("2,456.8", Cell(cut, "PV-N001", "energy-today").TextContent);
        Assert.Equal("2.46", Cell(cut, "PV-N001", "specific-yield").TextContent); // 2456.78 kWh / 1000 kWp
        Assert.Equal("1,000", Cell(cut, "PV-N001", "capacity").TextContent);
        Assert.Equal("online", Row(cut, "PV-N001").GetAttribute("data-health"));
    }

    [Fact]
    public void Render_OfflineStation_RowStandsOutAndPowerIsBlank()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start.AddHours(-2), 55, 80.5, online: false));

        var cut = Render<FleetOverviewPage>();

        var row = Row(cut, "PV-V002");
        Assert.Contains("row-offline", row.ClassList);
        Assert.Equal("离线", Cell(cut, "PV-V002", "status").TextContent.Trim());
        Assert.Equal("—", Cell(cut, "PV-V002", "power").TextContent);
        Assert.Equal("80.5", Cell(cut, "PV-V002", "energy-today").TextContent);
        Assert.Equal("2 小时前", Cell(cut, "PV-V002", "last-seen").TextContent.Trim());
    }

    [Fact]
    public void Render_OfflineDevice_IsListedBeforeOnlineDevices()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 10));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start.AddHours(-1), 0, 1, online: false));

        var cut = Render<FleetOverviewPage>();

        var order = cut.FindAll("[data-table='stations'] tbody tr").Select(r => r.GetAttribute("data-device")).ToList();
        Assert.Equal("PV-V002", order[0]);
        Assert.True(order.IndexOf("PV-V002") < order.IndexOf("PV-V001"));
    }

    [Fact]
    public void Render_NeverReportedStation_ShowsNoDataAndNever()
    {
        UseCulture("en");

        var cut = Render<FleetOverviewPage>();

        Assert.Equal("nodata", Row(cut, "PV-H001").GetAttribute("data-health"));
        Assert.Equal("No data", Cell(cut, "PV-H001", "status").TextContent.Trim());
        Assert.Equal("—", Cell(cut, "PV-H001", "energy-today").TextContent);
        Assert.Equal("never", Cell(cut, "PV-H001", "last-seen").TextContent.Trim());
    }

    [Fact]
    public void Render_StationWithFaultCodes_ShowsAlarmWithTheCodes()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 3, 4, faults: [2034, 2062]));

        var cut = Render<FleetOverviewPage>();

        Assert.Contains("row-warning", Row(cut, "PV-V001").ClassList);
        var badge = Cell(cut, "PV-V001", "status").QuerySelector(".badge")!;
        Assert.Equal("告警", badge.TextContent.Trim());
        Assert.Equal("故障码 2034, 2062", badge.GetAttribute("title"));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Render_Barn_ShowsClimateWithFixedPrecision(string culture)
    {
        UseCulture(culture);
        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-001"), Start, 24.35, 65.4, 12.34, 1850));

        var cut = Render<FleetOverviewPage>();

        Assert.Equal("24.4", Cell(cut, "BARN-001", "temp").TextContent);
        Assert.Equal("65", Cell(cut, "BARN-001", "humidity").TextContent);
        Assert.Equal("12.3", Cell(cut, "BARN-001", "nh3").TextContent);
        Assert.Equal("1,850", Cell(cut, "BARN-001", "co2").TextContent);
    }

    [Fact]
    public void Render_OfflineBarn_KeepsLastClimateGreyedOut()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-002"), Start.AddMinutes(-3), 18.2, 70, 8, 900, online: false));

        var cut = Render<FleetOverviewPage>();

        Assert.Contains("row-offline", Row(cut, "BARN-002").ClassList);
        var temp = Cell(cut, "BARN-002", "temp");
        Assert.Equal("18.2", temp.TextContent);
        Assert.Contains("stale", temp.ClassList);
        Assert.Equal("3 分钟前", Cell(cut, "BARN-002", "last-seen").TextContent.Trim());
    }

    [Fact]
    public void Render_BarnOnBattery_ShowsAlarm()
    {
        UseCulture("en");
        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-001"), Start, 22, 60, 5, 800, power: PowerSource.Battery));

        var cut = Render<FleetOverviewPage>();

        Assert.Equal("warning", Row(cut, "BARN-001").GetAttribute("data-health"));
        Assert.Equal("Mains lost, running on battery", Cell(cut, "BARN-001", "status").QuerySelector(".badge")!.GetAttribute("title"));
    }

    [Fact]
    public void Render_Tiles_CountOnlineDevicesAndSumOnlinePowerAndTodaysEnergy()
    {
        UseCulture("en");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 100));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-N001"), Start, 20.5, 200));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start.AddHours(-1), 99, 50, online: false));
        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-001"), Start, 22, 60, 5, 800));

        var cut = Render<FleetOverviewPage>();

        Assert.Equal("2", Tile(cut, "stations-online"));
        Assert.Equal("4", Tile(cut, "stations-total"));
        Assert.Equal("1", Tile(cut, "barns-online"));
        Assert.Equal("30.5", Tile(cut, "total-power")); // the offline station's last 99 kW is not "now"
        Assert.Equal("350.0", Tile(cut, "energy-today"));
        Assert.Equal("3", Tile(cut, "problems")); // PV-V002 offline, PV-H001 and BARN-002 never reported
    }

    [Fact]
    public void LiveChange_AfterTheRefreshInterval_CellShowsTheNewValue()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 100));
        var cut = Render<FleetOverviewPage>();

        Live.Set(FakeFleetLiveState.Pv(Device("PV-V001"), Start.AddMinutes(1), 12.3, 101));
        Assert.Equal("10.0", Cell(cut, "PV-V001", "power").TextContent); // coalesced: not yet
        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Equal("12.3", Cell(cut, "PV-V001", "power").TextContent));
        Assert.Equal("101.0", Cell(cut, "PV-V001", "energy-today").TextContent);
    }

    [Fact]
    public void LiveChanges_ManyWithinOneInterval_RenderOnce()
    {
        UseCulture("zh-CN");
        var cut = Render<FleetOverviewPage>();
        var before = cut.RenderCount;

        for (var i = 0; i < 50; i++)
        {
            Live.Set(FakeFleetLiveState.Pv(Device("PV-V001"), Start.AddSeconds(i), i, i));
        }

        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Equal("49.0", Cell(cut, "PV-V001", "power").TextContent));
        Assert.Equal(before + 1, cut.RenderCount);
    }

    [Fact]
    public void LiveDeviceGoesOffline_AfterTheRefreshInterval_RowTurnsOffline()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 100));
        var cut = Render<FleetOverviewPage>();

        Live.Set(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 100, online: false));
        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Contains("row-offline", Row(cut, "PV-V001").ClassList));
    }

    [Fact]
    public async Task Dispose_Page_UnsubscribesFromLiveChanges()
    {
        UseCulture("zh-CN");
        Render<FleetOverviewPage>();
        Assert.Equal(1, Live.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, Live.Subscribers);
    }

    [Fact]
    public void CountyFilter_Selected_ShowsOnlyThatCountyInTablesAndTiles()
    {
        UseCulture("zh-CN");
        var cut = Render<FleetOverviewPage>();

        cut.Find("select[name='county']").Change("lingchuan");

        var devices = cut.FindAll("tr[data-device]").Select(r => r.GetAttribute("data-device")).Order().ToList();
        Assert.Equal(["BARN-002", "PV-V002"], devices);
        Assert.Equal("1", Tile(cut, "stations-total"));
        Assert.Equal("1", Tile(cut, "barns-total"));
    }

    [Fact]
    public void KindFilter_Barns_HidesTheStationTable()
    {
        UseCulture("zh-CN");
        var cut = Render<FleetOverviewPage>();

        cut.Find("input[name='kind'][value='Barns']").Change(true);

        Assert.Empty(cut.FindAll("[data-table='stations']"));
        Assert.Equal(2, cut.FindAll("[data-table='barns'] tbody tr").Count);
    }

    [Fact]
    public void ProblemsOnlyFilter_Checked_HidesHealthyDevices()
    {
        UseCulture("zh-CN");
        foreach (var id in new[] { "PV-V001", "PV-N001", "PV-H001" })
        {
            Live.Preset(FakeFleetLiveState.Pv(Device(id), Start, 1, 1));
        }

        Live.Preset(FakeFleetLiveState.Climate(Device("BARN-001"), Start, 22, 60, 5, 800));
        var cut = Render<FleetOverviewPage>();

        cut.Find("input[name='problems']").Change(true);

        var devices = cut.FindAll("tr[data-device]").Select(r => r.GetAttribute("data-device")).Order().ToList();
        Assert.Equal(["BARN-002", "PV-V002"], devices);
    }

    [Fact]
    public void Search_VillageName_ShowsThatVillagesDevices()
    {
        UseCulture("zh-CN");
        var cut = Render<FleetOverviewPage>();

        cut.Find("input[name='search']").Input("西郜");

        var devices = cut.FindAll("tr[data-device]").Select(r => r.GetAttribute("data-device")).Order().ToList();
        Assert.Equal(["BARN-001", "PV-H001"], devices);
    }

    [Fact]
    public void Search_NothingMatches_SaysSo()
    {
        UseCulture("en");
        var cut = Render<FleetOverviewPage>();

        cut.Find("input[name='search']").Input("no-such-device");

        Assert.Empty(cut.FindAll("tr[data-device]"));
        Assert.Equal(2, cut.FindAll(".empty").Count);
        Assert.Equal("No device matches the filter.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public void SortHeader_PowerClickedTwice_SortsByPowerDescending()
    {
        UseCulture("zh-CN");
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V001"), Start, 10, 1));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-N001"), Start, 300, 1));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-H001"), Start, 3, 1));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start, 50, 1));
        var cut = Render<FleetOverviewPage>();

        var header = () => cut.Find("[data-table='stations'] th:nth-child(6) button");
        header().Click();
        header().Click();

        var order = cut.FindAll("[data-table='stations'] tbody tr").Select(r => r.GetAttribute("data-device")).ToList();
        Assert.Equal(["PV-N001", "PV-V002", "PV-V001", "PV-H001"], order);
        Assert.Equal("descending", cut.Find("[data-table='stations'] th:nth-child(6)").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Paging_SampleSizedFleet_ShowsNoPager()
    {
        UseCulture("zh-CN");

        var cut = Render<FleetOverviewPage>();

        Assert.Empty(cut.FindAll(".pager"));
        Assert.Equal(4, cut.FindAll("[data-table='stations'] tbody tr").Count);
    }

    [Fact]
    public void Paging_TwoPerPage_NextShowsTheRestAndTheCountsAreOfTheWholeTable()
    {
        UseCulture("zh-CN");
        PageSize(2);
        PresetPower(("PV-V001", 10), ("PV-N001", 300), ("PV-H001", 3), ("PV-V002", 50));
        var cut = Render<FleetOverviewPage>();

        Assert.Equal(["PV-V001", "PV-N001"], StationOrder(cut)); // all online: registry order
        Assert.Equal("共 4 个", cut.Find("[data-field='station-count']").TextContent);
        Assert.Equal("第 1–2 条，共 4 条", cut.Find("[data-pager='stations'] [data-field='range']").TextContent);
        Assert.True(cut.Find("[data-pager='stations'] button[data-page='previous']").HasAttribute("disabled"));

        cut.Find("[data-pager='stations'] button[data-page='next']").Click();

        Assert.Equal(["PV-H001", "PV-V002"], StationOrder(cut));
        Assert.Equal("第 2 / 2 页", cut.Find("[data-pager='stations'] [data-field='page']").TextContent);
        Assert.True(cut.Find("[data-pager='stations'] button[data-page='next']").HasAttribute("disabled"));
        Assert.Equal(["BARN-001", "BARN-002"], cut.FindAll("[data-table='barns'] tbody tr").Select(r => r.GetAttribute("data-device")).ToList());
    }

    [Fact]
    public void Paging_SortedByPowerDescending_PagesFollowTheSortOrder()
    {
        UseCulture("en");
        PageSize(2);
        PresetPower(("PV-V001", 10), ("PV-N001", 300), ("PV-H001", 3), ("PV-V002", 50));
        var cut = Render<FleetOverviewPage>();

        var header = () => cut.Find("[data-table='stations'] th:nth-child(6) button");
        header().Click();
        header().Click();
        Assert.Equal(["PV-N001", "PV-V002"], StationOrder(cut));
        cut.Find("[data-pager='stations'] button[data-page='last']").Click();

        Assert.Equal(["PV-V001", "PV-H001"], StationOrder(cut));
        Assert.Equal("3–4 of 4", cut.Find("[data-pager='stations'] [data-field='range']").TextContent);
    }

    [Fact]
    public void Paging_LiveRefreshOnTheSecondPage_StaysOnIt()
    {
        UseCulture("zh-CN");
        PageSize(2);
        PresetPower(("PV-V001", 10), ("PV-N001", 300), ("PV-H001", 3), ("PV-V002", 50));
        var cut = Render<FleetOverviewPage>();
        cut.Find("[data-pager='stations'] button[data-page='next']").Click();

        Live.Set(FakeFleetLiveState.Pv(Device("PV-V002"), Start.AddMinutes(1), 61.5, 2));
        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Equal("61.5", Cell(cut, "PV-V002", "power").TextContent));
        Assert.Equal(["PV-H001", "PV-V002"], StationOrder(cut));
    }

    [Fact]
    public void Paging_FilterChangedOnTheSecondPage_StartsAgainAtTheFirst()
    {
        UseCulture("zh-CN");
        PageSize(1);
        var cut = Render<FleetOverviewPage>();
        cut.Find("[data-pager='stations'] button[data-page='next']").Click();
        Assert.Equal("第 2 / 4 页", cut.Find("[data-pager='stations'] [data-field='page']").TextContent);

        cut.Find("select[name='county']").Change("zezhou");

        Assert.Equal("第 1 / 3 页", cut.Find("[data-pager='stations'] [data-field='page']").TextContent);
    }

    [Fact]
    public void VillageFilter_CountyThenVillage_ShowsThatVillagesDevicesAndTiles()
    {
        UseCulture("zh-CN");
        var cut = Render<FleetOverviewPage>();
        Assert.True(cut.Find("select[name='village']").HasAttribute("disabled")); // villages are listed once a county is chosen

        cut.Find("select[name='county']").Change("zezhou");
        var villages = cut.FindAll("select[name='village'] option").Select(o => o.TextContent).ToList();
        cut.Find("select[name='village']").Change("zz-v2");

        Assert.Equal(["全部村", "东四义村", "西郜村"], villages);
        var devices = cut.FindAll("tr[data-device]").Select(r => r.GetAttribute("data-device")).Order().ToList();
        Assert.Equal(["BARN-001", "PV-H001"], devices);
        Assert.Equal("1", Tile(cut, "stations-total"));
    }

    [Fact]
    public void HealthFilter_Offline_ShowsOnlyOfflineDevices()
    {
        UseCulture("en");
        PresetPower(("PV-V001", 10), ("PV-N001", 300));
        Live.Preset(FakeFleetLiveState.Pv(Device("PV-V002"), Start.AddHours(-1), 0, 1, online: false));
        var cut = Render<FleetOverviewPage>();

        cut.Find("select[name='health']").Change("offline");

        var devices = cut.FindAll("tr[data-device]").Select(r => r.GetAttribute("data-device")).ToList();
        Assert.Equal(["PV-V002"], devices);
        Assert.Equal("No device matches the filter.", cut.Find("[data-table='barns'] .empty").TextContent);
    }

    private void PageSize(int size) => Overview.PageSize = size;

    private void PresetPower(params (string Id, double PowerKw)[] stations)
    {
        foreach (var (id, power) in stations)
        {
            Live.Preset(FakeFleetLiveState.Pv(Device(id), Start, power, 1));
        }
    }

    private static List<string?> StationOrder(IRenderedComponent<FleetOverviewPage> cut) =>
        cut.FindAll("[data-table='stations'] tbody tr").Select(r => r.GetAttribute("data-device")).ToList();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<FleetOverviewPage> cut, string device) =>
        cut.Find($"tr[data-device='{device}']");

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<FleetOverviewPage> cut, string device, string field) =>
        cut.Find($"tr[data-device='{device}'] [data-field='{field}']");

    private static string Tile(IRenderedComponent<FleetOverviewPage> cut, string field) =>
        cut.Find($".tiles [data-field='{field}']").TextContent;
}
