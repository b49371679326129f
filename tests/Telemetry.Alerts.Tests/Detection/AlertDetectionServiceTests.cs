using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Alerts.Tests.Detection;

public sealed class AlertDetectionServiceTests
{
    private static readonly Telemetry.Core.Fleet.Barn Pig = TestFleet.Barn("PIG");
    private static readonly DateTimeOffset Ten = Read.Day.AddHours(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restart_replays_stored_readings_so_a_pending_duration_keeps_its_start()
    {
        // NH3 above the limit since 10:00; the service restarts at 10:10 (duration 15 min): it must raise at 10:15, not 10:25.
        var (signal, store) = await RestartAtTenPastTen(replayHours: 6);

        Assert.Equal((AlertRules.BarnNh3High, true), (signal.Rule, signal.Active));
        Assert.Equal(Ten.AddMinutes(15), signal.At);
        Assert.Equal((3, 0), (store.FleetReads, store.DeviceReads)); // 6 h in 2-hour chunks, each one read of the whole fleet
    }

    [Fact]
    public async Task Without_the_replay_the_duration_would_restart()
    {
        var (signal, _) = await RestartAtTenPastTen(replayHours: 0);

        Assert.Equal(Ten.AddMinutes(25), signal.At);
    }

    [Fact]
    public async Task A_restart_continues_the_daily_runs_from_the_recorded_days_replaying_only_24_hours()
    {
        // PV-2 at half its peers for three days; the service restarts at 05:00 on the third, after two closed days.
        var first = DateOnly.FromDateTime(Read.Day.DateTime);
        var readings = PvDays.Of(first, "BBB");
        var restart = ChinaTime.StartOfDay(first.AddDays(2)).AddHours(5);
        var before = readings.Where(r => r.Timestamp < restart).ToList();
        var dayResults = new MemoryDayResults();
        Assert.DoesNotContain(Lives.Run(before, dayResults, []), s => s.Rule.StartsWith("pv.underperformance", StringComparison.Ordinal));
        var store = new MemoryStore();
        await store.WriteAsync(before, CancellationToken.None);
        using var hub = new ReadingHub(NullLogger<ReadingHub>.Instance);
        using var live = new StatusOnlyLiveState();
        using var signals = new AlertSignalHub(NullLogger<AlertSignalHub>.Instance);
        var raised = new TaskCompletionSource<AlertSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = signals.Subscribe(s =>
        {
            if (s.Rule.StartsWith("pv.underperformance", StringComparison.Ordinal))
            {
                raised.TrySetResult(s);
            }
        });
        using var service = new AlertDetectionService(
            TestFleet.Registry, hub, live, store, Options.Create(new AlertsOptions { ReplayHours = 24 }), signals, new HistoricalScheduler(restart),
            new FixedClock(restart), NullLogger<AlertDetectionService>.Instance, dayResults: dayResults);

        var loads = dayResults.Loads;
        await service.StartAsync(CancellationToken.None);
        await service.Live.WaitAsync(Timeout);
        foreach (var hour in readings.Where(r => r.Timestamp >= restart).GroupBy(r => r.TimestampMs / 3_600_000))
        {
            hub.Publish([.. hour]);
        }

        var signal = await raised.Task.WaitAsync(Timeout);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal((PvDays.Faulty, AlertRules.PvUnderperformancePeers, AlertSeverity.Major, true), (signal.DeviceId, signal.Rule, signal.Severity, signal.Active));
        Assert.Equal(PvDays.ClosesAt(first, 2), signal.At);
        Assert.Equal(loads + 1, dayResults.Loads);
    }

    private static async Task<(AlertSignal Signal, MemoryStore Store)> RestartAtTenPastTen(double replayHours)
    {
        var store = new MemoryStore();
        await store.WriteAsync([.. Read.Every(Ten, 10, (t, _) => (Reading)Read.Barn(Pig, t, nh3: 30))], CancellationToken.None);
        using var hub = new ReadingHub(NullLogger<ReadingHub>.Instance);
        using var live = new StatusOnlyLiveState();
        using var signals = new AlertSignalHub(NullLogger<AlertSignalHub>.Instance);
        var raised = new TaskCompletionSource<AlertSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = signals.Subscribe(s => raised.TrySetResult(s));
        var options = Options.Create(new AlertsOptions { ReplayHours = replayHours });
        using var service = new AlertDetectionService(
            TestFleet.Registry, hub, live, store, options, signals, new HistoricalScheduler(Ten.AddMinutes(10)), new FixedClock(Ten.AddMinutes(10)),
            NullLogger<AlertDetectionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await service.Live.WaitAsync(Timeout);

        // Live again: the next readings (one a minute) arrive through the hub, and a late duplicate of a stored one.
        foreach (var reading in Read.Every(Ten.AddMinutes(10), 20, (t, _) => Read.Barn(Pig, t, nh3: 30)))
        {
            hub.Publish([reading]);
            if (reading.Timestamp == Ten.AddMinutes(10))
            {
                hub.Publish([Read.Barn(Pig, Ten.AddMinutes(5), nh3: 30)]);
            }
        }

        var signal = await raised.Task.WaitAsync(Timeout);
        await service.StopAsync(CancellationToken.None);
        return (signal, store);
    }
}
