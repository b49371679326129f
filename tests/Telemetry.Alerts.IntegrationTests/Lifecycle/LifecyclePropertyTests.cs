using CsCheck;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.IntegrationTests.Lifecycle;

/// <summary>
/// Invariants over arbitrary detector streams, on the real store. A detector's stream for one (device, rule) is what the
/// lifecycle may assume: transitions in device-time order (raise, possibly escalations, clear, raise…), perhaps starting
/// with a clear (a restart mid-episode); streams of different devices and rules interleave freely.
/// </summary>
public sealed class LifecyclePropertyTests : IAsyncLifetime
{
    private static readonly string[] Devices = ["PV-V006", "BARN-004"];

    /// <summary>Per key: a leading clear or not, then steps of (minutes later, clear rather than escalate, severity).</summary>
    private static readonly Gen<(bool LeadingClear, (int Gap, bool Clear, AlertSeverity Severity)[] Steps)[]> Streams =
        Gen.Select(Gen.Bool, Gen.Select(Gen.Int[1, 30], Gen.Bool, Gen.Enum<AlertSeverity>()).Array[0, 8]).Array[4];

    private AlertsHost _host = null!;

    public async Task InitializeAsync() => _host = await AlertsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnySequence_AtMostOneOpenAlertPerDeviceAndRule_AndReplayingItChangesNothing() =>
        await Streams.SampleAsync(
            async streams =>
            {
                var rules = new[] { $"test.a.{Guid.NewGuid():N}", $"test.b.{Guid.NewGuid():N}" };
                var signals = streams.SelectMany((stream, key) => Transitions(Devices[key / 2], rules[key % 2], stream.LeadingClear, stream.Steps))
                    .OrderBy(s => s.At).ToArray(); // interleaved across keys; each key's own order kept (stable sort)
                foreach (var signal in signals)
                {
                    _host.Signals.Emit(signal);
                }

                await _host.SettleAsync();
                var before = State(rules);
                foreach (var signal in signals)
                {
                    _host.Signals.Emit(signal);
                }

                await _host.SettleAsync();

                Assert.Equal(before, State(rules));
                foreach (var device in Devices)
                {
                    foreach (var rule in rules)
                    {
                        var alerts = _host.Lifecycle.List(new AlertQuery { DeviceId = device, Rule = rule, PageSize = 500 }).Items;
                        Assert.True(alerts.Count(a => a.IsActive) <= 1);
                        Assert.All(alerts.Where(a => a.State == AlertState.Cleared), a => Assert.True(a.ClearedAt >= a.RaisedAt));
                        // One alert per episode of the stream; the last one open exactly when the stream ends active, at its severity.
                        var stream = signals.Where(s => s.DeviceId == device && s.Rule == rule).ToList();
                        var episodes = stream.Where((s, i) => s.Active && (i == 0 || !stream[i - 1].Active)).Count();
                        Assert.Equal(episodes, alerts.Count);
                        var open = alerts.SingleOrDefault(a => a.IsActive);
                        Assert.Equal(stream.Count > 0 && stream[^1].Active, open is not null);
                        Assert.True(open is null || open.Severity == stream[^1].Severity);
                    }
                }
            },
            iter: 40,
            threads: 1);

    private static IEnumerable<AlertSignal> Transitions(string device, string rule, bool leadingClear, (int Gap, bool Clear, AlertSeverity Severity)[] steps)
    {
        var at = Signals.Morning;
        if (leadingClear)
        {
            yield return new AlertSignal(device, rule, AlertSeverity.Minor, false, at, "cleared");
        }

        AlertSeverity? open = null;
        foreach (var (gap, clear, severity) in steps)
        {
            at = at.AddMinutes(gap);
            if (open is null)
            {
                open = severity;
                yield return new AlertSignal(device, rule, severity, true, at, "raised");
            }
            else if (clear || severity <= open)
            {
                open = null;
                yield return new AlertSignal(device, rule, severity, false, at, "cleared");
            }
            else
            {
                open = severity;
                yield return new AlertSignal(device, rule, severity, true, at, "escalated");
            }
        }
    }

    private string State(string[] rules) => string.Join('\n', _host.Lifecycle.List(new AlertQuery { PageSize = 500 }).Items
        .Where(a => rules.Contains(a.Rule))
        .Select(a => $"{a.Id} {a.DeviceId} {a.Rule} {a.Severity} {a.State} {a.RaisedAt:O} {a.ClearedAt:O} {string.Join(',', _host.Lifecycle.Get(a.Id)!.Transitions())}"));
}
