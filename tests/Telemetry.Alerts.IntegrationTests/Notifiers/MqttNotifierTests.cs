using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Notifiers;

/// <summary>Routing to the crew's topic on the real embedded broker: retained while open, removed on clear.</summary>
public sealed class MqttNotifierTests : IAsyncLifetime
{
    private const string South = "crew-zezhou-south"; // 大东沟镇 and 川底乡 villages of 泽州县
    private const string North = "crew-zezhou-north"; // the rest of 泽州县
    private AlertsHost _host = null!;

    public async Task InitializeAsync() => _host = await AlertsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LateSubscriber_SeesExactlyItsCrewsOpenAlerts()
    {
        _host.Signals.Emit(Raise("PV-V011", AlertRules.PvOffline, AlertSeverity.Critical, minute: 1, message: "离线 20 分钟")); // 大东沟镇 → south
        _host.Signals.Emit(Raise("BARN-006", AlertRules.BarnNh3High, AlertSeverity.Major, minute: 2)); // 川底乡 → south
        _host.Signals.Emit(Raise("BARN-006", AlertRules.BarnFanFailure, AlertSeverity.Major, minute: 3));
        _host.Signals.Emit(Clear("BARN-006", AlertRules.BarnFanFailure, minute: 4));
        _host.Signals.Emit(Raise("PV-V006", AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 5)); // 巴公镇 → north
        await _host.SettleAsync();
        await _host.AllSentAsync("mqtt");

        await using var south = await AlertSubscriber.ConnectAsync(_host.BrokerPort, $"alerts/{South}/#");
        await using var north = await AlertSubscriber.ConnectAsync(_host.BrokerPort, $"alerts/{North}/#");
        var southMessages = await south.DrainAsync();
        var northMessages = await north.DrainAsync();

        Assert.Equal(
            [$"alerts/{South}/BARN-006/barn.nh3.high", $"alerts/{South}/PV-V011/pv.offline"],
            southMessages.Select(m => m.Topic).Order(StringComparer.Ordinal));
        Assert.All(southMessages, m => Assert.True(m.Retained));
        Assert.Equal([$"alerts/{North}/PV-V006/pv.zero_output"], northMessages.Select(m => m.Topic));

        var offline = AlertSubscriber.Json(southMessages.Single(m => m.Topic.EndsWith("pv.offline", StringComparison.Ordinal)).Payload);
        Assert.Equal("critical", offline.GetProperty("severity").GetString());
        Assert.Equal("open", offline.GetProperty("state").GetString());
        Assert.Equal("离线 20 分钟", offline.GetProperty("message").GetString());
        Assert.Equal("泽州县南片运维班", offline.GetProperty("crewName").GetString());
        Assert.Equal("0356-3318802", offline.GetProperty("crewPhone").GetString());
        Assert.Equal("泽州县", offline.GetProperty("countyName").GetString());
        Assert.Equal(Morning.AddMinutes(1), offline.GetProperty("since").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(offline.GetProperty("deviceName").GetString()));
        Assert.False(string.IsNullOrEmpty(offline.GetProperty("villageName").GetString()));
    }

    [Fact]
    public async Task Acknowledge_UpdatesTheRetainedState_AndClear_RemovesIt()
    {
        var topic = $"alerts/{South}/PV-V012/pv.inverter_fault";
        await using var crew = await AlertSubscriber.ConnectAsync(_host.BrokerPort, $"alerts/{South}/#");

        _host.Signals.Emit(Raise("PV-V012", AlertRules.PvInverterFault, AlertSeverity.Major, minute: 1));
        var raised = await crew.NextOnAsync(topic);
        var id = AlertSubscriber.Json(raised.Payload).GetProperty("alertId").GetInt64();
        await _host.Lifecycle.AcknowledgeAsync(id, "赵师傅", null, CancellationToken.None);
        var acknowledged = AlertSubscriber.Json((await crew.NextOnAsync(topic)).Payload);
        _host.Signals.Emit(Clear("PV-V012", AlertRules.PvInverterFault, minute: 20));
        var cleared = await crew.NextOnAsync(topic);

        Assert.Equal("open", AlertSubscriber.Json(raised.Payload).GetProperty("state").GetString());
        Assert.Equal(("acknowledged", "赵师傅"), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal("", cleared.Payload);
        await using var late = await AlertSubscriber.ConnectAsync(_host.BrokerPort, $"alerts/{South}/#");
        Assert.Empty(await late.DrainAsync());
    }

    [Fact]
    public async Task Restart_RepublishesTheOpenAlertsTheEmbeddedBrokerForgot()
    {
        _host.Signals.Emit(Raise("PV-V013", AlertRules.PvMeterFrozen, AlertSeverity.Minor, minute: 1));
        _host.Signals.Emit(Raise("PV-V014", AlertRules.PvMeterBackwards, AlertSeverity.Major, minute: 1));
        _host.Signals.Emit(Clear("PV-V014", AlertRules.PvMeterBackwards, minute: 2));
        await _host.SettleAsync();
        await _host.AllSentAsync("mqtt");

        _host = await _host.RestartAsync();
        await _host.AllSentAsync("mqtt");
        await using var crew = await AlertSubscriber.ConnectAsync(_host.BrokerPort, $"alerts/{South}/#");

        var messages = await crew.DrainAsync();
        var message = Assert.Single(messages);
        Assert.Equal($"alerts/{South}/PV-V013/pv.meter.frozen", message.Topic);
        Assert.Equal("republished", AlertSubscriber.Json(message.Payload).GetProperty("event").GetString());
        Assert.Single(_host.Lifecycle.Active());
    }
}
