using System.Reactive.Subjects;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Alerts.Notifiers;
using Telemetry.Core.Fleet;

namespace Telemetry.Portal.Tests.Fakes;

/// <summary>Alerts under the test's control, kept in memory; acknowledgements and comments are recorded as the real lifecycle does.</summary>
internal sealed class FakeAlertLifecycle(TimeProvider time) : IAlertLifecycle, IDisposable
{
    private readonly List<AlertDetail> _alerts = [];
    private readonly Subject<AlertChange> _changes = new();
    private long _nextId = 1;

    public IObservable<AlertChange> Changes => _changes;

    public int FailingDeliveries { get; set; }

    /// <summary>Adds an alert without telling anyone (the state before the page opens).</summary>
    public Alert Preset(Device device, string rule, AlertSeverity severity, DateTimeOffset raisedAt, string message = "测试告警", AlertState state = AlertState.Open, string? ackBy = null)
    {
        var alert = new Alert(
            _nextId++, device.Id, rule, severity, state, raisedAt, state == AlertState.Cleared ? raisedAt.AddMinutes(30) : null, raisedAt,
            ackBy, ackBy is null ? null : raisedAt.AddMinutes(1), message, device.Village.Crew.Id, device.Village.County.Id, device.Village.Id);
        _alerts.Add(new AlertDetail(alert, [new AlertEvent(_nextId * 100, alert.Id, AlertEventKind.Raised, raisedAt, null, message, severity, null)], []));
        return alert;
    }

    /// <summary>Adds an alert and emits the change, as the lifecycle does when a detector raises one.</summary>
    public Alert Raise(Device device, string rule, AlertSeverity severity, DateTimeOffset raisedAt, string message = "测试告警")
    {
        var alert = Preset(device, rule, severity, raisedAt, message);
        _changes.OnNext(new AlertChange(AlertEventKind.Raised, alert));
        return alert;
    }

    public List<(long Id, string By, string? Note)> Acknowledgements { get; } = [];

    public AlertPage List(AlertQuery query)
    {
        var items = Matching(query, withSeverityAndState: true).OrderByDescending(a => a.Id).ToList();
        return new AlertPage([.. items.Take(query.PageSize)], items.Count, 1, query.PageSize);
    }

    public AlertDetail? Get(long id) => _alerts.FirstOrDefault(a => a.Alert.Id == id);

    public AlertSummary Summarize(AlertQuery scope)
    {
        var active = Matching(scope, withSeverityAndState: false).Where(a => a.IsActive).ToList();
        return new AlertSummary(
            Enum.GetValues<AlertSeverity>().ToDictionary(s => s, s => active.Count(a => a.Severity == s)),
            active.GroupBy(a => a.Rule).ToDictionary(g => g.Key, g => g.Count()),
            active.Count(a => a.AcknowledgedBy is null),
            FailingDeliveries);
    }

    public IReadOnlyList<Alert> Active() => [.. _alerts.Select(a => a.Alert).Where(a => a.IsActive)];

    public IReadOnlyList<AlertDelivery> Deliveries(bool failingOnly, string? channel, long? alertId, int limit) => [];

    public Task<AlertCommandResult> AcknowledgeAsync(long id, string by, string? note, CancellationToken cancellationToken)
    {
        var index = _alerts.FindIndex(a => a.Alert.Id == id);
        if (index < 0)
        {
            return Task.FromResult(new AlertCommandResult(AlertCommandOutcome.NotFound, null));
        }

        var detail = _alerts[index];
        if (detail.Alert.AcknowledgedBy is not null)
        {
            return Task.FromResult(new AlertCommandResult(AlertCommandOutcome.AlreadyAcknowledged, detail.Alert));
        }

        Acknowledgements.Add((id, by, note));
        var now = time.GetUtcNow();
        var alert = detail.Alert with { AcknowledgedBy = by, AcknowledgedAt = now, State = detail.Alert.State == AlertState.Open ? AlertState.Acknowledged : detail.Alert.State };
        _alerts[index] = detail with
        {
            Alert = alert,
            History = [.. detail.History, new AlertEvent(_nextId++, id, AlertEventKind.Acknowledged, now, by, note, null, null)],
            Comments = note is null ? detail.Comments : [.. detail.Comments, new AlertComment(_nextId++, id, now, by, note)],
        };
        _changes.OnNext(new AlertChange(AlertEventKind.Acknowledged, alert));
        return Task.FromResult(new AlertCommandResult(AlertCommandOutcome.Done, alert));
    }

    public Task<AlertCommandResult> CommentAsync(long id, string by, string text, CancellationToken cancellationToken)
    {
        var index = _alerts.FindIndex(a => a.Alert.Id == id);
        if (index < 0)
        {
            return Task.FromResult(new AlertCommandResult(AlertCommandOutcome.NotFound, null));
        }

        var detail = _alerts[index];
        var now = time.GetUtcNow();
        _alerts[index] = detail with
        {
            History = [.. detail.History, new AlertEvent(_nextId++, id, AlertEventKind.Commented, now, by, text, null, null)],
            Comments = [.. detail.Comments, new AlertComment(_nextId++, id, now, by, text)],
        };
        return Task.FromResult(new AlertCommandResult(AlertCommandOutcome.Done, detail.Alert));
    }

    public bool RetryDelivery(long deliveryId) => false;

    public void Dispose() => _changes.Dispose();

    private IEnumerable<Alert> Matching(AlertQuery q, bool withSeverityAndState) => _alerts.Select(a => a.Alert).Where(a =>
        (q.CountyId is null || a.CountyId == q.CountyId)
        && (q.VillageId is null || a.VillageId == q.VillageId)
        && (q.DeviceId is null || a.DeviceId == q.DeviceId)
        && (q.CrewId is null || a.CrewId == q.CrewId)
        && (q.Rule is null || a.Rule == q.Rule)
        && (!withSeverityAndState || q.Severity is null || a.Severity == q.Severity)
        && (!withSeverityAndState || q.State switch
        {
            AlertStateFilter.Active => a.IsActive,
            AlertStateFilter.Open => a.State == AlertState.Open,
            AlertStateFilter.Acknowledged => a.State == AlertState.Acknowledged,
            AlertStateFilter.Cleared => a.State == AlertState.Cleared,
            _ => true,
        }));
}
