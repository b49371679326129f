using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Notifiers;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Notifiers;

/// <summary>The webhook against a local HTTP endpoint that fails, hangs or recovers.</summary>
public sealed class WebhookNotifierTests : IAsyncLifetime
{
    private const string Station = "PV-V028"; // 陵川县, crew-lingchuan
    private WebhookReceiver _receiver = null!;
    private AlertsHost? _host;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(healthy: false);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task FailingWebhook_IsRetriedWithGrowingBackoff_AndTheFailureIsVisibleUntilItIsDelivered()
    {
        _host = await AlertsHost.StartAsync(Webhook(initialBackoff: "00:00:00.200", maxAttempts: 50));
        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, AlertSeverity.Critical, minute: 1));

        await Eventually.UntilAsync(() => _receiver.Requests.Count, n => n >= 4, "four attempts");
        var failing = await _host.Http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/alerts/deliveries?failed=true", UriKind.Relative));
        var stats = await _host.StatsAsync();
        _receiver.Healthy = true;
        var delivered = await Eventually.UntilAsync(
            () => _host.Lifecycle.Deliveries(false, "webhook", null, 10),
            list => list.Count == 1 && list[0].State == DeliveryState.Delivered,
            "the webhook delivered");

        var row = Assert.Single(failing!);
        Assert.Equal(("webhook", "raised", "pending", true), (row.GetProperty("channel").GetString(), row.GetProperty("event").GetString(), row.GetProperty("state").GetString(), row.GetProperty("failing").GetBoolean()));
        Assert.Contains("503", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, stats["alertDeliveries"].GetProperty("webhook").GetProperty("failing").GetInt32());

        var requests = _receiver.Requests.ToArray();
        Assert.Equal(delivered[0].Attempts, requests.Length);
        Assert.Equal(200, requests[^1].Status);
        Assert.All(requests, r => Assert.Equal("raised", r.Body.GetProperty("event").GetString()));
        var gaps = requests.Zip(requests.Skip(1), (a, b) => b.At - a.At).Take(3).ToArray();
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(150), $"first retry after {gaps[0].TotalMilliseconds} ms"); // 200 ms −20% jitter, less timer slack
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(310), $"second retry after {gaps[1].TotalMilliseconds} ms");
        Assert.True(gaps[2] >= TimeSpan.FromMilliseconds(630), $"third retry after {gaps[2].TotalMilliseconds} ms"); // a fixed 200-ms backoff would be under 240 ms

        var history = _host.Lifecycle.Get(delivered[0].AlertId)!.History;
        var failure = Assert.Single(history, e => e.Kind == AlertEventKind.DeliveryFailed);
        Assert.Equal("webhook", failure.Channel);
        Assert.Contains(history, e => e.Kind == AlertEventKind.Delivered && e.Channel == "webhook");
    }

    [Fact]
    public async Task UndeliveredNotification_SurvivesARestart()
    {
        _host = await AlertsHost.StartAsync(Webhook(initialBackoff: "00:00:00.100", maxAttempts: 50));
        _host.Signals.Emit(Raise(Station, AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 1));
        await Eventually.UntilAsync(() => _receiver.Requests.Count, n => n >= 1, "a failed attempt");

        _host = await _host.RestartAsync(Webhook(initialBackoff: "00:00:00.100", maxAttempts: 50));
        _receiver.Healthy = true;

        await Eventually.UntilAsync(() => _receiver.Requests.Count(r => r.Status == 200), n => n >= 1, "delivery after the restart");
        var body = _receiver.Requests.First(r => r.Status == 200).Body;
        Assert.Equal(("raised", Station, "crew-lingchuan"), (body.GetProperty("event").GetString(), body.GetProperty("deviceId").GetString(), body.GetProperty("crewId").GetString()));
        await Eventually.UntilAsync(() => _host.Lifecycle.Deliveries(false, "webhook", null, 10), l => l.All(d => d.State == DeliveryState.Delivered), "marked delivered");
    }

    [Fact]
    public async Task GivingUp_AfterMaxAttempts_IsVisibleAndCanBeRetriedByHand()
    {
        _host = await AlertsHost.StartAsync(Webhook(initialBackoff: "00:00:00.050", maxAttempts: 2));
        _host.Signals.Emit(Raise(Station, AlertRules.PvGridFrequency, AlertSeverity.Major, minute: 1));

        var failed = await Eventually.UntilAsync(
            () => _host.Lifecycle.Deliveries(true, "webhook", null, 10),
            list => list.Count == 1 && list[0].State == DeliveryState.Failed,
            "the webhook given up");
        Assert.Equal(2, failed[0].Attempts);
        Assert.Contains(_host.Lifecycle.Get(failed[0].AlertId)!.History, e => e.Kind == AlertEventKind.DeliveryFailed && e.Text!.Contains("gave up after 2 attempts", StringComparison.Ordinal));
        Assert.Equal(1, (await _host.StatsAsync())["alertDeliveries"].GetProperty("webhook").GetProperty("failed").GetInt32());
        Assert.Equal("Degraded", await _host.Http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        _receiver.Healthy = true;
        using var retry = await _host.Http.PostAsync(new Uri($"/api/alerts/deliveries/{failed[0].Id}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await Eventually.UntilAsync(() => _host.Lifecycle.Deliveries(false, "webhook", null, 10), l => l[0].State == DeliveryState.Delivered, "delivered on retry");
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Equal("Healthy", await _host.Http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task HangingWebhook_DelaysNeitherMqttNorTheLifecycle()
    {
        _receiver.Hang = true;
        _host = await AlertsHost.StartAsync(new Dictionary<string, string?>(Webhook("00:00:01", 5)) { ["Alerts:Webhook:Timeout"] = "00:01:00" });
        await using var crew = await AlertSubscriber.ConnectAsync(_host.BrokerPort, "alerts/crew-lingchuan/#");

        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, AlertSeverity.Critical, minute: 1));
        var first = AlertSubscriber.Json((await crew.NextOnAsync($"alerts/crew-lingchuan/{Station}/pv.offline")).Payload);
        await Eventually.UntilAsync(() => _receiver.InFlight, n => n == 1, "the webhook hanging");

        var ack = await _host.Lifecycle.AcknowledgeAsync(first.GetProperty("alertId").GetInt64(), "周工", null, CancellationToken.None);
        _host.Signals.Emit(Raise("PV-V029", AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 2));
        var second = AlertSubscriber.Json((await crew.NextOnAsync("alerts/crew-lingchuan/PV-V029/pv.zero_output")).Payload);

        Assert.Equal(AlertCommandOutcome.Done, ack.Outcome);
        Assert.Equal("PV-V029", second.GetProperty("deviceId").GetString());
        Assert.Equal(1, _receiver.InFlight); // still stuck on the first notification
        Assert.Empty(_receiver.Requests);
        Assert.DoesNotContain(_host.Lifecycle.Deliveries(false, "webhook", null, 10), d => d.State == DeliveryState.Delivered);
    }

    [Fact]
    public async Task ConfiguredHeaders_AreSentWithEveryPost()
    {
        _receiver.Healthy = true;
        _host = await AlertsHost.StartAsync(new Dictionary<string, string?>(Webhook("00:00:00.100", 5)) { ["Alerts:Webhook:Headers:Authorization"] = "Bearer crew-token" });

        _host.Signals.Emit(Raise(Station, AlertRules.PvMeterFrozen, AlertSeverity.Minor, minute: 1));

        await Eventually.UntilAsync(() => _receiver.Requests.Count, n => n == 1, "the POST");
        Assert.Equal("Bearer crew-token", _receiver.LastAuthorization);
    }

    [Fact]
    public async Task WebhookRemovedFromTheSettings_ItsQueuedNotificationsAreSetAsideNotLeftFailing()
    {
        _host = await AlertsHost.StartAsync(Webhook("00:00:00.100", 50));
        _host.Signals.Emit(Raise(Station, AlertRules.PvOverTemperature, AlertSeverity.Major, minute: 1));
        await Eventually.UntilAsync(() => _host.Lifecycle.Deliveries(true, "webhook", null, 10), l => l.Count == 1, "the webhook failing");

        _host = await _host.RestartAsync(new Dictionary<string, string?>()); // no Alerts:Webhook:Url any more

        var row = Assert.Single(_host.Lifecycle.Deliveries(false, "webhook", null, 10));
        Assert.Equal((DeliveryState.Superseded, "notifier no longer configured"), (row.State, row.LastError));
        Assert.Empty(_host.Lifecycle.Deliveries(true, null, null, 10));
        Assert.Equal("Healthy", await _host.Http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    private Dictionary<string, string?> Webhook(string initialBackoff, int maxAttempts) => new()
    {
        ["Alerts:Webhook:Url"] = _receiver.Url.ToString(),
        ["Alerts:Webhook:InitialBackoff"] = initialBackoff,
        ["Alerts:Webhook:MaxBackoff"] = "00:00:05",
        ["Alerts:Webhook:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alerts:Webhook:Timeout"] = "00:00:05",
    };
}
