using System.Reactive.Subjects;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Live;

/// <summary>
/// Keeps every device's latest reading, online state and today's energy, from stored readings and status messages.
/// On start it restores the latest values from the store, so a restart does not blank the portal.
/// </summary>
internal sealed partial class FleetLiveState : IFleetLiveState, IHostedService, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly DeviceEntry[] _entries;
    private readonly FleetRegistry _fleet;
    private readonly ITimeSeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<FleetLiveState> _logger;
    private readonly double _silenceCadences;
    private readonly Subject<DeviceSnapshot> _changes = new();
    private readonly Subject<DeviceStatusChange> _statusChanges = new();
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private ITimer? _sweep;

    public FleetLiveState(FleetRegistry fleet, ReadingHub hub, ITimeSeriesStore store, IOptions<IngestOptions> options, TimeProvider time, ILogger<FleetLiveState> logger)
    {
        _fleet = fleet;
        _store = store;
        _time = time;
        _logger = logger;
        _silenceCadences = options.Value.SilenceCadences;
        _entries = [.. fleet.Devices.Select(d => new DeviceEntry(d))];
        _subscription = hub.Batches.Subscribe(OnStored);
    }

    public IObservable<DeviceSnapshot> Changes => _changes;

    public IObservable<DeviceStatusChange> StatusChanges => _statusChanges;

    public IReadOnlyList<DeviceSnapshot> All()
    {
        var (now, today) = Now();
        var all = new DeviceSnapshot[_entries.Length];
        lock (_lock)
        {
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = _entries[i].Snapshot(now, _silenceCadences, today);
            }
        }

        return all;
    }

    public int CountOnline()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var online = 0;
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                online += entry.IsOnline(now, _silenceCadences) ? 1 : 0;
            }
        }

        return online;
    }

    public DeviceSnapshot Get(string deviceId)
    {
        if (!_fleet.TryGetDevice(deviceId, out var device))
        {
            throw new KeyNotFoundException($"No device '{deviceId}' is registered.");
        }

        var (now, today) = Now();
        lock (_lock)
        {
            return _entries[device.Index].Snapshot(now, _silenceCadences, today);
        }
    }

    /// <summary>Applies a retained <c>online</c>/<c>offline</c> status message.</summary>
    public void SetStatus(Device device, bool online)
    {
        DeviceSnapshot snapshot;
        var (now, today) = Now();
        lock (_lock)
        {
            var entry = _entries[device.Index];
            entry.StatusOnline = online;
            entry.SilentOnline = entry.IsOnline(now, _silenceCadences);
            snapshot = entry.Snapshot(now, _silenceCadences, today);
        }

        _changes.OnNext(snapshot);
        _statusChanges.OnNext(new DeviceStatusChange(device, online, _time.GetUtcNow()));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Reading> latest = [];
        var baselines = new List<PvReading>();
        try
        {
            latest = await _store.ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            var dayStart = ChinaTime.StartOfDay(ChinaTime.LocalDate(_time.GetUtcNow()));
            var reportedToday = latest.OfType<PvReading>().Where(r => r.Timestamp >= dayStart).Select(r => r.Device).ToHashSet();
            if (reportedToday.Count > 0)
            {
                // One read for the fleet: per station it was one query (one HTTP request on InfluxDB) each, minutes at 100,000.
                baselines.AddRange((await _store.ReadFirstPvAsync(dayStart, cancellationToken).ConfigureAwait(false)).Where(f => reportedToday.Contains(f.Device)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store may be down at start; ingest still runs (into the spool) and live state fills from new readings.
            LogRestoreFailed(e);
            latest = [];
            baselines.Clear();
        }

        lock (_lock)
        {
            foreach (var reading in latest)
            {
                _entries[reading.Device.Index].Apply(reading);
            }

            foreach (var first in baselines)
            {
                _entries[first.Device.Index].SetBaseline(first);
            }
        }

        LogRestored(latest.Count);
        _sweep = _time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sweep?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _sweep?.Dispose();
        _changes.Dispose();
        _statusChanges.Dispose();
    }

    /// <remarks>
    /// One snapshot per device and batch (its state after the batch), and none when nobody listens: a logger's array of
    /// ten readings made ten snapshots, each computing today's energy, on the writer's thread.
    /// </remarks>
    private void OnStored(IReadOnlyList<Reading> batch)
    {
        var (now, today) = Now();
        var touched = new HashSet<int>();
        lock (_lock)
        {
            foreach (var reading in batch)
            {
                var entry = _entries[reading.Device.Index];
                entry.Apply(reading);
                touched.Add(reading.Device.Index);
            }

            foreach (var index in touched)
            {
                _entries[index].SilentOnline = _entries[index].IsOnline(now, _silenceCadences);
            }
        }

        if (!_changes.HasObservers)
        {
            return;
        }

        var changed = new List<DeviceSnapshot>(touched.Count);
        lock (_lock)
        {
            foreach (var index in touched)
            {
                changed.Add(_entries[index].Snapshot(now, _silenceCadences, today));
            }
        }

        foreach (var snapshot in changed)
        {
            _changes.OnNext(snapshot);
        }
    }

    /// <summary>Devices that fall silent without a Last Will (power cut at the logger) turn offline here.</summary>
    private void Sweep()
    {
        var (now, today) = Now();
        var changed = new List<DeviceSnapshot>();
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                var online = entry.IsOnline(now, _silenceCadences);
                if (online != entry.SilentOnline)
                {
                    entry.SilentOnline = online;
                    changed.Add(entry.Snapshot(now, _silenceCadences, today));
                }
            }
        }

        foreach (var snapshot in changed)
        {
            _changes.OnNext(snapshot);
        }
    }

    private (long NowMs, DateOnly Today) Now()
    {
        var now = _time.GetUtcNow();
        return (now.ToUnixTimeMilliseconds(), ChinaTime.LocalDate(now));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not restore live state from the store; starting empty")]
    private partial void LogRestoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live state restored from the store: {Count} devices have readings")]
    private partial void LogRestored(int count);
}
