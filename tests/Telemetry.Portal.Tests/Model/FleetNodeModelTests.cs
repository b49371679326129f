using Telemetry.Portal.Fleet;
using Telemetry.Portal.Topology;

namespace Telemetry.Portal.Tests.Model;

public sealed class FleetNodeModelTests
{
    [Theory]
    [InlineData(new[] { DeviceHealth.Online, DeviceHealth.Online }, DeviceHealth.Online)]
    [InlineData(new[] { DeviceHealth.Online, DeviceHealth.NoData }, DeviceHealth.Online)]
    [InlineData(new[] { DeviceHealth.Online, DeviceHealth.Warning }, DeviceHealth.Warning)]
    [InlineData(new[] { DeviceHealth.Online, DeviceHealth.Online, DeviceHealth.Offline }, DeviceHealth.Warning)]
    [InlineData(new[] { DeviceHealth.Online, DeviceHealth.Offline, DeviceHealth.Offline }, DeviceHealth.Offline)]
    [InlineData(new[] { DeviceHealth.NoData, DeviceHealth.NoData }, DeviceHealth.NoData)]
    [InlineData(new DeviceHealth[0], DeviceHealth.NoData)]
    public void Aggregate_DeviceStates_GivesTheRegionsColour(DeviceHealth[] devices, DeviceHealth expected) =>
        Assert.Equal(expected, FleetNodeModel.Aggregate(devices));
}
