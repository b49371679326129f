using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Readings;
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
        var signal = await RestartAtTenPastTen(replayHours: 6);

        Assert.Equal((AlertRules.BarnNh3High, true), (signal.Rule, signal.Active));
        Assert.Equal(Ten.AddMinutes(15), signal.At);
    }

    [Fact]
    public async Task Without_the_replay_the_duration_would_restart()
    {
        var signal = await RestartAtTenPastTen(replayHours: 0);

        Assert.Equal(Ten.AddMinutes(25), signal.At);
    }

    private static async Task<AlertSignal> RestartAtTenPastTen(double replayHours)
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
        return signal;
    }
}
