using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Solar;
using Telemetry.Core.Wire;
using Telemetry.Simulators.Clock;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Mqtt;
using Telemetry.Simulators.Weather;

namespace Telemetry.Simulators.Devices;

/// <summary>
/// The hosted service that runs every simulated device of the fleet until the host stops. A broker outage or a
/// failing device is logged, never thrown to the host.
/// </summary>
internal sealed partial class SimulatorService : BackgroundService
{
    private readonly FleetRegistry _fleet;
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IFaultInjector _faults;
    private readonly ILogger _logger;
    private List<DeviceRunner> _runners = [];
    private SimulationClock? _clock;

    public SimulatorService(FleetRegistry fleet, IOptions<SimulatorOptions> options, TimeProvider time, ILoggerFactory loggers, IFaultInjector faults)
    {
        _fleet = fleet;
        _options = options.Value;
        _time = time;
        _loggers = loggers;
        _faults = faults;
        _logger = loggers.CreateLogger<SimulatorService>();
    }

    /// <summary>The running devices (available once <see cref="StartAsync"/> has returned).</summary>
    public IReadOnlyList<DeviceRunner> Runners => _runners;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Built here rather than in ExecuteAsync, which .NET 10 runs on a background thread after StartAsync returns.
        _runners = CreateRunners();
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Connection.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_runners.Select(r => r.RunAsync(stoppingToken)).Concat(CommsLosses(stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(_logger, e);
        }
    }

    private List<DeviceRunner> CreateRunners()
    {
        var o = _options;
        var now = _time.GetUtcNow();
        var start = o.StartAt ?? (o.Speed > 1 ? now.AddDays(-1) : now);
        if (start > now)
        {
            start = now;
        }

        var clock = new SimulationClock(_time, start, o.Speed);
        _clock = clock;
        if (_faults is ScheduledFaultInjector scheduled)
        {
            foreach (var fault in o.Faults)
            {
                scheduled.Add(fault.ToScheduled(start));
            }
        }

        var weather = new WeatherModel(o.RandomSeed, SiteClimate.Jincheng);
        var broker = new BrokerSettings(o.Host ?? "127.0.0.1", o.Port ?? 1883, new TelemetryTopics(o.TopicPrefix ?? ""), o.CredentialSeed, o.RequireSubscribers);
        var backfillFrom = start - TimeSpan.FromHours(o.BackfillHours);
        var devices = o.DeviceLimit is { } limit ? _fleet.Devices.Take(limit).ToList() : [.. _fleet.Devices];
        var connectionLogger = _loggers.CreateLogger<DeviceConnection>();
        var runnerLogger = _loggers.CreateLogger<DeviceRunner>();
        var runners = new List<DeviceRunner>(devices.Count);
        foreach (var device in devices)
        {
            var cadence = TimeSpan.FromSeconds(o.CadenceSeconds ?? device.CadenceSeconds);
            var outbox = new Outbox(o.OutboxCapacity);
            var simulator = DeviceSimulatorFactory.Create(device, weather, _faults, cadence, o.RandomSeed);
            var connection = new DeviceConnection(device, broker, outbox, _time, connectionLogger);
            runners.Add(new DeviceRunner(simulator, connection, outbox, clock, cadence, backfillFrom, runnerLogger));
        }

        LogStarting(_logger, devices.OfType<Station>().Count(), devices.OfType<Barn>().Count(), broker.Host, broker.Port,
            broker.Topics.Prefix, start, o.Speed, o.BackfillHours);
        return runners;
    }

    /// <summary>Configured comms losses cut the device's connection at their start, for their duration (wall time at the
    /// simulation's speed); the device buffers and replays as after a real outage.</summary>
    private IEnumerable<Task> CommsLosses(CancellationToken ct)
    {
        if (_faults is not ScheduledFaultInjector scheduled || _clock is not { } clock)
        {
            yield break;
        }

        foreach (var fault in scheduled.Faults.Where(f => f.Type == FaultTypes.CommsLoss))
        {
            if (_runners.FirstOrDefault(r => r.Connection.Device.Id == fault.DeviceId) is { } runner)
            {
                yield return CutAsync(runner, fault, clock, ct);
            }
        }
    }

    private static async Task CutAsync(DeviceRunner runner, ScheduledFault fault, SimulationClock clock, CancellationToken ct)
    {
        try
        {
            await clock.DelayUntilAsync(fault.Start, ct).ConfigureAwait(false);
            runner.Connection.Kill((fault.End - fault.Start) / clock.Speed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Simulating {Stations} PV stations and {Barns} barns against {Host}:{Port} (topic prefix '{Prefix}'), simulated start {Start:O}, speed ×{Speed}, backfill {BackfillHours} h")]
    private static partial void LogStarting(ILogger logger, int stations, int barns, string host, int port, string prefix, DateTimeOffset start, double speed, double backfillHours);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "The simulators stopped because of an unexpected error")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
