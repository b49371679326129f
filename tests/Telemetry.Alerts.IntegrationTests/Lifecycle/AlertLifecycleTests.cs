using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Lifecycle;

/// <summary>The lifecycle on a real SQLite file: raise, escalate, acknowledge, comment, clear, history.</summary>
public sealed class AlertLifecycleTests : IAsyncLifetime
{
    private const string Station = "PV-V006"; // 泽州县 巴公镇, crew-zezhou-north
    private AlertsHost _host = null!;

    public async Task InitializeAsync() => _host = await AlertsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Raise_NewProblem_OpensOneAlertForTheVillagesCrewWithTheDeviceTime()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, AlertSeverity.Critical, minute: 5, message: "离线 12 分钟"));
        await _host.SettleAsync();

        var alert = Assert.Single(_host.Lifecycle.Active());
        Assert.Equal((Station, AlertRules.PvOffline, AlertSeverity.Critical, AlertState.Open), (alert.DeviceId, alert.Rule, alert.Severity, alert.State));
        Assert.Equal(Morning.AddMinutes(5), alert.RaisedAt);
        Assert.Equal("离线 12 分钟", alert.Message);
        Assert.Equal(("crew-zezhou-north", "zezhou", "zezhou-bagong-01"), (alert.CrewId, alert.CountyId, alert.VillageId));
        var history = _host.Lifecycle.Get(alert.Id)!.TransitionEvents();
        Assert.Equal([AlertEventKind.Raised], history.Select(e => e.Kind));
        Assert.Equal(AlertSeverity.Critical, history[0].Severity);
    }

    [Fact]
    public async Task Raise_RepeatedAtSameOrLowerSeverity_ChangesNothing()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 1));
        _host.Signals.Emit(Raise(Station, AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 2));
        _host.Signals.Emit(Raise(Station, AlertRules.PvZeroOutput, AlertSeverity.Minor, minute: 3));
        await _host.SettleAsync();

        var alert = Assert.Single(_host.Lifecycle.Active());
        Assert.Equal(AlertSeverity.Major, alert.Severity);
        Assert.Equal(Morning.AddMinutes(1), alert.RaisedAt);
        Assert.Equal([AlertEventKind.Raised], _host.Lifecycle.Get(alert.Id)!.Transitions());
        Assert.Single(_host.Lifecycle.Deliveries(false, "mqtt", alert.Id, 10), d => d.Event == AlertEventKind.Raised);
    }

    [Fact]
    public async Task Raise_HigherSeverity_EscalatesAndAsksForANewAcknowledgement()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvOverTemperature, AlertSeverity.Minor, minute: 1));
        await _host.SettleAsync();
        var id = Assert.Single(_host.Lifecycle.Active()).Id;
        await _host.Lifecycle.AcknowledgeAsync(id, "王师傅", null, CancellationToken.None);

        _host.Signals.Emit(Raise(Station, AlertRules.PvOverTemperature, AlertSeverity.Critical, minute: 9, message: "逆变器 92 °C"));
        await _host.SettleAsync();

        var alert = Assert.Single(_host.Lifecycle.Active());
        Assert.Equal(id, alert.Id);
        Assert.Equal((AlertSeverity.Critical, AlertState.Open, "逆变器 92 °C"), (alert.Severity, alert.State, alert.Message));
        Assert.Null(alert.AcknowledgedBy);
        Assert.Equal(Morning.AddMinutes(1), alert.RaisedAt);
        var history = _host.Lifecycle.Get(id)!.TransitionEvents();
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged, AlertEventKind.Escalated], history.Select(e => e.Kind));
        Assert.Equal("王师傅", history[1].By);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoWhenAndTheNote_AndASecondAcknowledgementIsRefused()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvInverterFault, minute: 1));
        await _host.SettleAsync();
        var id = Assert.Single(_host.Lifecycle.Active()).Id;
        var before = DateTimeOffset.UtcNow;

        var first = await _host.Lifecycle.AcknowledgeAsync(id, " 李工 ", "已派车前往", CancellationToken.None);
        var second = await _host.Lifecycle.AcknowledgeAsync(id, "张工", null, CancellationToken.None);

        Assert.Equal(AlertCommandOutcome.Done, first.Outcome);
        Assert.Equal((AlertState.Acknowledged, "李工"), (first.Alert!.State, first.Alert.AcknowledgedBy));
        Assert.InRange(first.Alert.AcknowledgedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(AlertCommandOutcome.AlreadyAcknowledged, second.Outcome);
        Assert.Equal("李工", second.Alert!.AcknowledgedBy);
        var detail = _host.Lifecycle.Get(id)!;
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged], detail.Transitions());
        var note = Assert.Single(detail.Comments);
        Assert.Equal(("李工", "已派车前往"), (note.By, note.Text));
    }

    [Fact]
    public async Task Comment_IsKeptInOrderWithItsAuthor()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvGridVoltage, minute: 1));
        await _host.SettleAsync();
        var id = Assert.Single(_host.Lifecycle.Active()).Id;

        await _host.Lifecycle.CommentAsync(id, "李工", "电网侧电压偏高，已联系供电所", CancellationToken.None);
        await _host.Lifecycle.CommentAsync(id, "供电所", "明天上午调整", CancellationToken.None);

        var detail = _host.Lifecycle.Get(id)!;
        Assert.Equal(["电网侧电压偏高，已联系供电所", "明天上午调整"], detail.Comments.Select(c => c.Text));
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Commented, AlertEventKind.Commented], detail.Transitions());
        Assert.Equal(AlertState.Open, detail.Alert.State);
    }

    [Fact]
    public async Task Clear_OpenAlert_ClosesItAtTheDeviceTimeWithTheClearMessageInHistory()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, minute: 1));
        _host.Signals.Emit(Clear(Station, AlertRules.PvOffline, minute: 30));
        await _host.SettleAsync();

        Assert.Empty(_host.Lifecycle.Active());
        var alert = Assert.Single(_host.Lifecycle.List(new AlertQuery()).Items);
        Assert.Equal((AlertState.Cleared, Morning.AddMinutes(30)), (alert.State, alert.ClearedAt));
        var history = _host.Lifecycle.Get(alert.Id)!.TransitionEvents();
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Cleared], history.Select(e => e.Kind));
        Assert.Contains("cleared at minute 30", history[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_WithNothingOpen_IsIgnored()
    {
        _host.Signals.Emit(Clear(Station, AlertRules.PvOffline, minute: 30));
        await _host.SettleAsync();

        Assert.Equal(0, _host.Lifecycle.List(new AlertQuery()).Total);
    }

    [Fact]
    public async Task Raise_AfterAClear_OpensANewAlertAndKeepsTheOldOneAsHistory()
    {
        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, minute: 1));
        _host.Signals.Emit(Clear(Station, AlertRules.PvOffline, minute: 10));
        _host.Signals.Emit(Raise(Station, AlertRules.PvOffline, minute: 40));
        await _host.SettleAsync();

        var all = _host.Lifecycle.List(new AlertQuery()).Items;
        Assert.Equal(2, all.Count);
        Assert.Equal([AlertState.Open, AlertState.Cleared], all.Select(a => a.State)); // newest first
        Assert.Equal(Morning.AddMinutes(40), all[0].RaisedAt);
    }

    [Fact]
    public async Task UnknownDevice_IsCountedAndNotStored()
    {
        _host.Signals.Emit(Raise("PV-NOPE", AlertRules.PvOffline));
        await _host.SettleAsync();

        Assert.Equal(0, _host.Lifecycle.List(new AlertQuery()).Total);
        var stats = await _host.StatsAsync();
        Assert.Equal(1, stats["alertSignals"].GetProperty("Unroutable").GetInt64());
    }
}
