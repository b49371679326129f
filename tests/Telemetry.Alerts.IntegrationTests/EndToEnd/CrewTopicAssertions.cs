using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Fleet;
using Telemetry.Simulators.Evaluation;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

internal static class CrewTopicAssertions
{
    /// <summary>
    /// The fault of <paramref name="type"/> in the campaign gave an alert of a rule that detects it, raised within the
    /// fault's window and cleared; its crew's topic carried it open and then removed it; no other crew saw it.
    /// </summary>
    public static async Task<string> ReachedTheCrewAndClearedAsync(CampaignFixture fixture, string type)
    {
        var fault = fixture.Campaign.Faults.Single(f => f.Type == type);
        var spec = FaultCatalog.For(type);
        fixture.Host.Services.GetRequiredService<FleetRegistry>().TryGetDevice(fault.DeviceId, out var device);
        var crew = device!.Village.Crew;

        var alert = await Eventually.UntilAsync(
            () => fixture.Host.Lifecycle.List(new AlertQuery { DeviceId = fault.DeviceId, PageSize = 500 }).Items
                .FirstOrDefault(a => spec.Accepted.Contains(a.Rule) && a.RaisedAt >= fault.Start && a.RaisedAt <= fault.End + spec.Tolerance && a.State == AlertState.Cleared),
            a => a is not null,
            $"a cleared {string.Join('/', spec.Accepted)} alert on {fault.DeviceId} for {type}");

        var topic = $"alerts/{crew.Id}/{fault.DeviceId}/{alert!.Rule}";
        var payloads = await Eventually.UntilAsync(() => fixture.Recorder.On(topic), p => p.Count > 0 && p[^1].Length == 0, $"{topic} removed");
        var raised = JsonDocument.Parse(payloads.First(p => p.Length > 0)).RootElement;
        Assert.Equal(alert.Id, raised.GetProperty("alertId").GetInt64());
        Assert.Equal("open", raised.GetProperty("state").GetString());
        Assert.Equal((crew.Id, crew.Name), (raised.GetProperty("crewId").GetString(), raised.GetProperty("crewName").GetString()));
        Assert.True(alert.ClearedAt >= alert.RaisedAt);
        Assert.DoesNotContain(fixture.Recorder.Messages, m => m.Topic.EndsWith($"/{fault.DeviceId}/{alert.Rule}", StringComparison.Ordinal) && !m.Topic.StartsWith($"alerts/{crew.Id}/", StringComparison.Ordinal));

        var local = fault.Start.Offset;
        return $"{type} {fault.Start.ToOffset(local):MM-dd HH:mm}–{fault.End.ToOffset(local):MM-dd HH:mm} → alert {alert.Id} {alert.Rule} {alert.Severity}, "
            + $"raised {alert.RaisedAt.ToOffset(local):MM-dd HH:mm}, cleared {alert.ClearedAt?.ToOffset(local):MM-dd HH:mm}, on {topic} ({payloads.Count} messages)";
    }
}
