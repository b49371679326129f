using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Lifecycle;

/// <summary>No duplicates: simultaneous signals, replays of stored readings at start, and restarts.</summary>
public sealed class ConcurrencyAndReplayTests : IAsyncLifetime
{
    private const string Barn = "BARN-004"; // 泽州县 巴公镇
    private AlertsHost _host = null!;

    public async Task InitializeAsync() => _host = await AlertsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HundredSimultaneousRaises_ForOneDeviceAndRule_OpenOneAlert()
    {
        using var start = new Barrier(100);
        var senders = Enumerable.Range(0, 100).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                _host.Signals.Emit(Raise(Barn, AlertRules.BarnNh3High, AlertSeverity.Major, minute: i % 7));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(senders);
        await _host.SettleAsync();

        var alert = Assert.Single(_host.Lifecycle.List(new AlertQuery()).Items);
        Assert.Equal([AlertEventKind.Raised], _host.Lifecycle.Get(alert.Id)!.Transitions());
        Assert.Single(_host.Lifecycle.Deliveries(false, "mqtt", alert.Id, 200));
        var stats = await _host.StatsAsync();
        Assert.Equal(1, stats["alertSignals"].GetProperty("Raised").GetInt64());
        Assert.Equal(99, stats["alertSignals"].GetProperty("AlreadyOpen").GetInt64());
    }

    [Fact]
    public async Task SimultaneousSignals_MixedSeveritiesAndRules_OneAlertPerRuleAtTheHighestSeverity()
    {
        var rules = new[] { AlertRules.BarnNh3High, AlertRules.BarnTemperatureHigh };
        var severities = new[] { AlertSeverity.Minor, AlertSeverity.Major, AlertSeverity.Critical };
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            _host.Signals.Emit(Raise(Barn, rules[i % 2], severities[i % 3], minute: 1)))));
        await _host.SettleAsync();

        var alerts = _host.Lifecycle.Active();
        Assert.Equal(rules.Order(StringComparer.Ordinal), alerts.Select(a => a.Rule).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.Critical, a.Severity));
        Assert.All(alerts, a => Assert.Single(_host.Lifecycle.Get(a.Id)!.History, e => e.Kind == AlertEventKind.Raised));
    }

    [Fact]
    public async Task Replay_OfSignalsAlreadyHandled_ChangesNothing()
    {
        AlertSignal[] day =
        [
            Raise(Barn, AlertRules.BarnFanFailure, AlertSeverity.Major, minute: 10),
            Clear(Barn, AlertRules.BarnFanFailure, minute: 20),
            Raise(Barn, AlertRules.BarnFanFailure, AlertSeverity.Minor, minute: 30),
            Raise(Barn, AlertRules.BarnFanFailure, AlertSeverity.Critical, minute: 35),
        ];
        foreach (var signal in day)
        {
            _host.Signals.Emit(signal);
        }

        await _host.SettleAsync();
        var before = Snapshot();

        // The detectors rebuild their state at start by replaying recent readings: the same transitions again.
        foreach (var signal in day)
        {
            _host.Signals.Emit(signal);
        }

        await _host.SettleAsync();

        Assert.Equal(before, Snapshot());
        var open = Assert.Single(_host.Lifecycle.Active());
        Assert.Equal((Morning.AddMinutes(30), AlertSeverity.Critical), (open.RaisedAt, open.Severity));
        var stats = await _host.StatsAsync();
        Assert.Equal(2, stats["alertSignals"].GetProperty("Stale").GetInt64()); // the first episode's raise and clear
        Assert.Equal(2, stats["alertSignals"].GetProperty("AlreadyOpen").GetInt64()); // the open episode's raise and escalation
    }

    [Fact]
    public async Task Restart_KeepsOpenAlerts_AndTheReplayAfterItOpensNothingNew()
    {
        _host.Signals.Emit(Raise(Barn, AlertRules.BarnH2sHigh, AlertSeverity.Critical, minute: 5));
        _host.Signals.Emit(Raise("PV-V028", AlertRules.PvOffline, minute: 6));
        _host.Signals.Emit(Clear("PV-V028", AlertRules.PvOffline, minute: 16));
        await _host.SettleAsync();
        var before = Snapshot();

        _host = await _host.RestartAsync();
        _host.Signals.Emit(Raise(Barn, AlertRules.BarnH2sHigh, AlertSeverity.Critical, minute: 5));
        _host.Signals.Emit(Raise("PV-V028", AlertRules.PvOffline, minute: 6));
        _host.Signals.Emit(Clear("PV-V028", AlertRules.PvOffline, minute: 16));
        await _host.SettleAsync();

        Assert.Equal(before, Snapshot());
        var open = Assert.Single(_host.Lifecycle.Active());
        Assert.Equal((Barn, AlertRules.BarnH2sHigh, AlertState.Open), (open.DeviceId, open.Rule, open.State));
    }

    [Fact]
    public async Task ClearAfterRestart_ClosesTheAlertRaisedBeforeIt()
    {
        _host.Signals.Emit(Raise(Barn, AlertRules.BarnOnBattery, AlertSeverity.Minor, minute: 5));
        await _host.SettleAsync();

        _host = await _host.RestartAsync();
        _host.Signals.Emit(Clear(Barn, AlertRules.BarnOnBattery, minute: 50));
        await _host.SettleAsync();

        Assert.Empty(_host.Lifecycle.Active());
        var alert = Assert.Single(_host.Lifecycle.List(new AlertQuery()).Items);
        Assert.Equal(Morning.AddMinutes(50), alert.ClearedAt);
    }

    /// <summary>Alerts with their history and queued notifications, as comparable text.</summary>
    private string Snapshot()
    {
        var alerts = _host.Lifecycle.List(new AlertQuery { PageSize = 500 }).Items;
        return string.Join('\n', alerts.Select(a =>
        {
            var detail = _host.Lifecycle.Get(a.Id)!;
            var deliveries = _host.Lifecycle.Deliveries(false, null, a.Id, 500).Where(d => d.Event != AlertEventKind.Republished);
            return $"{a.Id} {a.DeviceId} {a.Rule} {a.Severity} {a.State} {a.RaisedAt:O} {a.ClearedAt:O} "
                + string.Join(',', detail.History.Where(e => e.Kind is not (AlertEventKind.Delivered or AlertEventKind.DeliveryFailed)).Select(e => e.Kind))
                + " | " + string.Join(',', deliveries.Select(d => d.Event));
        }));
    }
}
