using Microsoft.Extensions.Logging;
using Telemetry.Simulators.Clock;
using Telemetry.Simulators.Mqtt;

namespace Telemetry.Simulators.Devices;

/// <summary>
/// Runs one simulated device: produces its readings on the cadence grid as simulated time passes (everything already
/// due at start — the backfill — at once), puts them in the outbox, and keeps its MQTT connection draining it.
/// </summary>
internal sealed partial class DeviceRunner
{
    private readonly IDeviceSimulator _simulator;
    private readonly SimulationClock _clock;
    private readonly Outbox _outbox;
    private readonly TimeSpan _cadence;
    private readonly DateTimeOffset _firstTimestamp;
    private readonly ILogger _logger;

    public DeviceRunner(IDeviceSimulator simulator, DeviceConnection connection, Outbox outbox, SimulationClock clock, TimeSpan cadence, DateTimeOffset backfillFrom, ILogger logger)
    {
        _simulator = simulator;
        Connection = connection;
        _outbox = outbox;
        _clock = clock;
        _cadence = cadence;
        _logger = logger;
        _firstTimestamp = AlignUp(backfillFrom, cadence);
    }

    public DeviceConnection Connection { get; }

    public Outbox Outbox => _outbox;

    /// <summary>Timestamp of the first reading this run produces.</summary>
    public DateTimeOffset FirstTimestamp => _firstTimestamp;

    /// <summary>Readings produced so far.</summary>
    public long Produced { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var connection = Connection.RunAsync(cancellationToken);
        try
        {
            await ProduceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A model bug must not take the other devices (or the host) down with it.
            LogSimulatorFailed(_logger, e, _simulator.Device.Id);
        }

        await connection.ConfigureAwait(false);
    }

    /// <summary>The first multiple of <paramref name="cadence"/> since the Unix epoch at or after <paramref name="instant"/>.</summary>
    public static DateTimeOffset AlignUp(DateTimeOffset instant, TimeSpan cadence)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var aligned = (ticks + cadence.Ticks - 1) / cadence.Ticks * cadence.Ticks;
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + aligned, TimeSpan.Zero);
    }

    private async Task ProduceAsync(CancellationToken ct)
    {
        var next = _firstTimestamp;
        _simulator.Start(next);
        while (!ct.IsCancellationRequested)
        {
            var now = _clock.UtcNow;
            while (next <= now)
            {
                _outbox.Add(_simulator.Next(next));
                Produced++;
                next += _cadence;
            }

            await _clock.DelayUntilAsync(next, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "The simulator of {DeviceId} failed and stopped producing readings")]
    private static partial void LogSimulatorFailed(ILogger logger, Exception exception, string deviceId);
}
