using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Simulators.Devices;
using Xunit.Abstractions;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #4 end to end, on a summer day: the simulators inject each fault type, the detectors notice, the alert appears
/// on the right crew's retained topic, and it is removed from there when the fault is gone.
/// </summary>
public sealed class FaultsReachTheCrewTests(SummerCampaignFixture campaign, ITestOutputHelper output) : IClassFixture<SummerCampaignFixture>
{
    public static TheoryData<string> FaultTypes => [.. FaultCampaign.Summer.Faults.Select(f => f.Type)];

    [Theory]
    [MemberData(nameof(FaultTypes))]
    public async Task InjectedFault_ReachesTheCrewsTopic_AndIsRemovedWhenTheFaultEnds(string type) =>
        output.WriteLine(await CrewTopicAssertions.ReachedTheCrewAndClearedAsync(campaign, type));

    [Fact]
    public async Task CommsLoss_LastWillRaisesOfflineOnTheCrewsTopic_AndTheReconnectClearsIt()
    {
        var device = FaultCampaign.Summer.CommsLossDevice!;
        var topic = $"alerts/crew-zezhou-north/{device}/{AlertRules.PvOffline}";
        var connection = campaign.Host.Services.GetRequiredService<SimulatorService>().Runners.Single(r => r.Connection.Device.Id == device).Connection;

        connection.Kill(TimeSpan.FromSeconds(2)); // no DISCONNECT: the broker publishes the Last Will

        var payloads = await Eventually.UntilAsync(
            () => campaign.Recorder.On(topic), p => p.Count >= 2 && p[^1].Length == 0, $"{topic} raised, then removed after the reconnect");
        var raised = JsonDocument.Parse(payloads.First(p => p.Length > 0)).RootElement;
        Assert.Equal(("open", "crew-zezhou-north"), (raised.GetProperty("state").GetString(), raised.GetProperty("crewId").GetString()));
        var alert = Assert.Single(campaign.Host.Lifecycle.List(new AlertQuery { DeviceId = device, Rule = AlertRules.PvOffline }).Items);
        Assert.Equal(AlertState.Cleared, alert.State);
        Assert.Equal(alert.Id, raised.GetProperty("alertId").GetInt64());
    }
}
