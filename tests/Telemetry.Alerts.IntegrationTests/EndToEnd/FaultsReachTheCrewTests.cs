using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Detectors;
using Telemetry.Core.Fleet;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Evaluation;
using Xunit.Abstractions;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #4 end to end: the simulators inject each fault type, the detectors notice, the alert appears on the right
/// crew's retained topic, and it is removed from there when the fault is gone.
/// </summary>
public sealed class FaultsReachTheCrewTests(FaultCampaignFixture campaign, ITestOutputHelper output) : IClassFixture<FaultCampaignFixture>
{
    public static TheoryData<string> FaultTypes => [.. FaultCampaign.Faults.Select(f => f.Type)];

    [Theory]
    [MemberData(nameof(FaultTypes))]
    public async Task InjectedFault_ReachesTheCrewsTopic_AndIsRemovedWhenTheFaultEnds(string type)
    {
        var fault = FaultCampaign.Faults.Single(f => f.Type == type);
        var spec = FaultCatalog.For(type);
        var fleet = campaign.Host.Services.GetRequiredService<FleetRegistry>();
        fleet.TryGetDevice(fault.DeviceId, out var device);
        var crew = device!.Village.Crew.Id;

        // The lifecycle's record: an alert of an accepted rule, raised within the fault's window, cleared after it.
        var alert = await Eventually.UntilAsync(
            () => campaign.Host.Lifecycle.List(new AlertQuery { DeviceId = fault.DeviceId, PageSize = 500 }).Items
                .FirstOrDefault(a => spec.Accepted.Contains(a.Rule) && a.RaisedAt >= fault.Start && a.RaisedAt <= fault.End + spec.Tolerance && a.State == AlertState.Cleared),
            a => a is not null,
            $"a cleared {string.Join('/', spec.Accepted)} alert on {fault.DeviceId} for {type}");

        // The crew's topic: the open alert, then the empty message that removed it.
        var topic = $"alerts/{crew}/{fault.DeviceId}/{alert!.Rule}";
        var payloads = await Eventually.UntilAsync(() => campaign.Recorder.On(topic), p => p.Count > 0 && p[^1].Length == 0, $"{topic} removed");
        var raised = JsonDocument.Parse(payloads.First(p => p.Length > 0)).RootElement;
        output.WriteLine($"{type} {fault.Start:HH:mm}-{fault.End:HH:mm} → alert {alert.Id} {alert.Rule} {alert.Severity} raised {alert.RaisedAt.ToOffset(fault.Start.Offset):HH:mm} cleared {alert.ClearedAt?.ToOffset(fault.Start.Offset):HH:mm} on {topic} ({payloads.Count} messages)");
        Assert.Equal(alert.Id, raised.GetProperty("alertId").GetInt64());
        Assert.Equal("open", raised.GetProperty("state").GetString());
        Assert.Equal(crew, raised.GetProperty("crewId").GetString());
        Assert.Equal(device.Village.Crew.Name, raised.GetProperty("crewName").GetString());
        Assert.True(alert.ClearedAt >= alert.RaisedAt);
        Assert.DoesNotContain(campaign.Recorder.Messages, m => m.Topic.EndsWith($"/{fault.DeviceId}/{alert.Rule}", StringComparison.Ordinal) && !m.Topic.StartsWith($"alerts/{crew}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommsLoss_LastWillRaisesOfflineOnTheCrewsTopic_AndTheReconnectClearsIt()
    {
        var topic = $"alerts/crew-zezhou-north/{FaultCampaign.CommsLossDevice}/{AlertRules.PvOffline}";
        var connection = campaign.Host.Services.GetRequiredService<SimulatorService>().Runners
            .Single(r => r.Connection.Device.Id == FaultCampaign.CommsLossDevice).Connection;

        connection.Kill(TimeSpan.FromSeconds(2)); // no DISCONNECT: the broker publishes the Last Will

        var payloads = await Eventually.UntilAsync(
            () => campaign.Recorder.On(topic), p => p.Count >= 2 && p[^1].Length == 0, $"{topic} raised, then removed after the reconnect");
        var raised = JsonDocument.Parse(payloads.First(p => p.Length > 0)).RootElement;
        Assert.Equal(("open", "crew-zezhou-north"), (raised.GetProperty("state").GetString(), raised.GetProperty("crewId").GetString()));
        var alert = Assert.Single(campaign.Host.Lifecycle.List(new AlertQuery { DeviceId = FaultCampaign.CommsLossDevice, Rule = AlertRules.PvOffline }).Items);
        Assert.Equal(AlertState.Cleared, alert.State);
        Assert.Equal(alert.Id, raised.GetProperty("alertId").GetInt64());
    }
}
