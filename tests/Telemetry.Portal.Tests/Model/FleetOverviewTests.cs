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

        var view = FleetOverview.Build(live.All(), new FleetFilter(CountyId: "lingchuan"));

        Assert.Equal(["PV-V002"], view.Stations.Select(r => r.Station.Id));
        Assert.Equal(["BARN-002"], view.Barns.Select(r => r.Barn.Id));
        Assert.Equal(new FleetSummary(1, 1, 0, 1, 40, 100, 120, 0, 0, 1), view.Summary);
        Assert.Equal(1.2, view.Summary.SpecificYield, precision: 6);
        Assert.Equal(1.2, view.Stations[0].SpecificYield!.Value, precision: 6);
    }
}
