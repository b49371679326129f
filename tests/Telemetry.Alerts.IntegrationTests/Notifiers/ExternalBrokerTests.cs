using System.Globalization;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Notifiers;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Notifiers;

/// <summary>Crew topics on a real Mosquitto (<c>Broker:Mode=External</c>), including while it is down.</summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private const string Crew = "crew-lingchuan";
    private MosquittoProcess _mosquitto = null!;
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoProcess.StartAsync();
        _host = await AlertsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "External",
            ["Broker:Host"] = "127.0.0.1",
            ["Broker:Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker:ClientId"] = "alerts-test-" + Guid.NewGuid().ToString("N"),
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Fact]
    public async Task OpenAlert_IsRetainedOnMosquitto_AndClearRemovesIt()
    {
        _host.Signals.Emit(Raise("PV-V028", AlertRules.PvOffline, AlertSeverity.Critical, minute: 1));
        _host.Signals.Emit(Raise("PV-V029", AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 1));
        _host.Signals.Emit(Clear("PV-V029", AlertRules.PvZeroOutput, minute: 9));
        await _host.SettleAsync();
        await _host.AllSentAsync("mqtt");

        await using var crew = await AlertSubscriber.ConnectAsync(_mosquitto.Port, $"alerts/{Crew}/#");
        var messages = await crew.DrainAsync();

        var message = Assert.Single(messages);
        Assert.Equal($"alerts/{Crew}/PV-V028/pv.offline", message.Topic);
        Assert.True(message.Retained);
        Assert.Equal("critical", AlertSubscriber.Json(message.Payload).GetProperty("severity").GetString());
    }

    [Fact]
    public async Task BrokerDown_NotificationFailsVisibly_AndIsDeliveredWhenItIsBack()
    {
        await _mosquitto.StopAsync();
        _host.Signals.Emit(Raise("PV-V030", AlertRules.PvInverterFault, AlertSeverity.Major, minute: 1));

        var failing = await Eventually.UntilAsync(() => _host.Lifecycle.Deliveries(true, "mqtt", null, 10), l => l.Count == 1, "the MQTT notification failing");
        Assert.Contains("not connected", failing[0].LastError, StringComparison.Ordinal);
        await _mosquitto.StartAgainAsync();
        await Eventually.UntilAsync(
            () => _host.Lifecycle.Deliveries(false, "mqtt", null, 10).Where(d => d.Event != AlertEventKind.Republished).ToList(),
            l => l.Count == 1 && l[0].State == DeliveryState.Delivered,
            "delivered after the broker came back",
            TimeSpan.FromSeconds(40));

        await using var crew = await AlertSubscriber.ConnectAsync(_mosquitto.Port, $"alerts/{Crew}/#");
        var message = Assert.Single(await crew.DrainAsync());
        Assert.Equal($"alerts/{Crew}/PV-V030/pv.inverter_fault", message.Topic);
    }
}
