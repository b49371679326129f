using System.Globalization;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;
using Telemetry.Portal.Fleet;
using Telemetry.Portal.Tests.Fakes;

namespace Telemetry.Portal.Tests.Model;

public sealed class FleetOverviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 21, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void HealthOf_EachSituation_GivesTheOperatorsView()
    {
        var station = TestFleet.Device("PV-V001");
        var barn = TestFleet.Device("BARN-001");

        Assert.Equal(DeviceHealth.NoData, FleetOverview.HealthOf(new DeviceSnapshot(station, false, null, null, null)));
        Assert.Equal(DeviceHealth.Online, FleetOverview.HealthOf(FakeFleetLiveState.Pv(station, Now, 1, 1)));
        Assert.Equal(DeviceHealth.Offline, FleetOverview.HealthOf(FakeFleetLiveState.Pv(station, Now, 1, 1, online: false)));
        Assert.Equal(DeviceHealth.Warning, FleetOverview.HealthOf(FakeFleetLiveState.Pv(station, Now, 1, 1, faults: [2034])));
        Assert.Equal(DeviceHealth.Offline, FleetOverview.HealthOf(FakeFleetLiveState.Pv(station, Now, 1, 1, online: false, faults: [2034])));
        Assert.Equal(DeviceHealth.Warning, FleetOverview.HealthOf(FakeFleetLiveState.Climate(barn, Now, 20, 50, 1, 500, power: PowerSource.Battery)));
        Assert.Equal(DeviceHealth.Online, FleetOverview.HealthOf(FakeFleetLiveState.Climate(barn, Now, 20, 50, 1, 500)));
    }

    [Fact]
    public void Build_CountyFilter_KeepsSummaryAndRowsToThatCounty()
    {
        var live = new FakeFleetLiveState(TestFleet.Registry);
        live.Preset(FakeFleetLiveState.Pv(TestFleet.Device("PV-V002"), Now, 40, 120));

        var view = FleetOverview.Build(TestFleet.Registry, live.All(), new FleetFilter(CountyId: "lingchuan"));

        Assert.Equal(["PV-V002"], view.Stations.Rows.Select(r => r.Station.Id));
        Assert.Equal(["BARN-002"], view.Barns.Rows.Select(r => r.Barn.Id));
        Assert.Equal(new FleetSummary(1, 1, 0, 1, 40, 100, 120, 0, 0, 1), view.Summary);
        Assert.Equal(1.2, view.Summary.SpecificYield, precision: 6);
        Assert.Equal(1.2, view.Stations.Rows[0].SpecificYield!.Value, precision: 6);
    }

    [Fact]
    public void Build_PagesOfTwo_EachPageHasItsRowsAndTheTotal()
    {
        var live = Online(("PV-V001", 10), ("PV-N001", 300), ("PV-H001", 3), ("PV-V002", 50));

        var first = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None, new TableQuery("power", Descending: true, Page: 0, PageSize: 2));
        var second = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None, new TableQuery("power", Descending: true, Page: 1, PageSize: 2));

        Assert.Equal(["PV-N001", "PV-V002"], first.Stations.Rows.Select(r => r.Station.Id));
        Assert.Equal(["PV-V001", "PV-H001"], second.Stations.Rows.Select(r => r.Station.Id));
        Assert.Equal((4, 2, 1, 2), (second.Stations.Total, second.Stations.PageCount, second.Stations.PageIndex, second.Stations.PageSize));
        Assert.Equal((3, 4), (second.Stations.FirstRow, second.Stations.LastRow));
        Assert.Equal(4, first.Summary.StationsTotal); // the tiles count the whole scope, not the page
    }

    [Fact]
    public void Build_PagePastTheEnd_ShowsTheLastPage()
    {
        var live = Online(("PV-V001", 10), ("PV-N001", 300), ("PV-H001", 3));

        var view = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None, new TableQuery(Page: 9, PageSize: 3));

        Assert.Equal(1, view.Stations.PageIndex);
        Assert.Equal(["PV-H001"], view.Stations.Rows.Select(r => r.Station.Id)); // V002 (no data) first, then the online ones in registry order
    }

    [Fact]
    public void Build_DefaultOrder_WorstFirstThenRegistryOrder_AndSortTiesKeepIt()
    {
        var live = Online(("PV-V001", 10), ("PV-N001", 10));
        live.Preset(FakeFleetLiveState.Pv(TestFleet.Device("PV-V002"), Now.AddHours(-1), 10, 1, online: false));

        var byDefault = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None);
        var byClass = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None, new TableQuery("class"));

        Assert.Equal(["PV-V002", "PV-H001", "PV-V001", "PV-N001"], byDefault.Stations.Rows.Select(r => r.Station.Id));
        // national, village, household; the two village stations keep the default order (offline V002 before V001)
        Assert.Equal(["PV-N001", "PV-V002", "PV-V001", "PV-H001"], byClass.Stations.Rows.Select(r => r.Station.Id));
    }

    [Fact]
    public void Build_SortByPowerAscending_NeverReportedStationsComeFirst()
    {
        var live = Online(("PV-V001", 10), ("PV-N001", 300));

        var view = FleetOverview.Build(TestFleet.Registry, live.All(), FleetFilter.None, new TableQuery("power"));

        Assert.Equal(["PV-H001", "PV-V002", "PV-V001", "PV-N001"], view.Stations.Rows.Select(r => r.Station.Id));
    }

    [Fact]
    public void Build_SortByNameInChinese_IsPinyinOrder()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var view = FleetOverview.Build(TestFleet.Registry, new FakeFleetLiveState(TestFleet.Registry).All(), FleetFilter.None, new TableQuery("name"));

            // 巴 bā, 东 dōng, 李 lǐ, 平 píng (in code-point order 东 U+4E1C would come first and 李 U+674E last)
            Assert.Equal(["PV-N001", "PV-V001", "PV-H001", "PV-V002"], view.Stations.Rows.Select(r => r.Station.Id));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Build_VillageAndHealthFilters_NarrowRowsAndTiles()
    {
        var live = Online(("PV-V001", 10));
        live.Preset(FakeFleetLiveState.Pv(TestFleet.Device("PV-N001"), Now, 1, 1, faults: [2034]));

        var village = FleetOverview.Build(TestFleet.Registry, live.All(), new FleetFilter(CountyId: "zezhou", VillageId: "zz-v1"));
        var warnings = FleetOverview.Build(TestFleet.Registry, live.All(), new FleetFilter(Health: DeviceHealth.Warning));

        Assert.Equal(["PV-N001", "PV-V001"], village.Stations.Rows.Select(r => r.Station.Id));
        Assert.Empty(village.Barns.Rows);
        Assert.Equal((2, 0), (village.Summary.StationsTotal, village.Summary.BarnsTotal));
        Assert.Equal(["PV-N001"], warnings.Stations.Rows.Select(r => r.Station.Id));
        Assert.Equal(0, warnings.Barns.Total);
    }

    private static FakeFleetLiveState Online(params (string Id, double PowerKw)[] stations)
    {
        var live = new FakeFleetLiveState(TestFleet.Registry);
        foreach (var (id, power) in stations)
        {
            live.Preset(FakeFleetLiveState.Pv(TestFleet.Device(id), Now, power, 1));
        }

        return live;
    }
}
