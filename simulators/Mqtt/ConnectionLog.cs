using Microsoft.Extensions.Logging;

namespace Telemetry.Simulators.Mqtt;

/// <summary>Log messages of the device connections (source-generated).</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{DeviceId} connected to {Host}:{Port}")]
    public static partial void Connected(this ILogger logger, string deviceId, string host, int port);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{DeviceId} reconnected after {Outage}; {Pending} readings waiting to be re-sent")]
    public static partial void Reconnected(this ILogger logger, string deviceId, TimeSpan outage, int pending);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{DeviceId} cannot reach the broker at {Host}:{Port} ({Reason}); readings are kept and retried with backoff")]
    public static partial void ConnectFailed(this ILogger logger, string deviceId, string host, int port, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "{DeviceId} still cannot connect ({Reason}); next try in {Backoff}")]
    public static partial void ConnectRetry(this ILogger logger, string deviceId, string reason, TimeSpan backoff);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "{DeviceId} was refused by the broker: {ResultCode}; check Simulators:CredentialSeed and the fleet's credentials")]
    public static partial void Refused(this ILogger logger, string deviceId, string resultCode);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "{DeviceId} publish of {Count} readings failed ({Reason}); they stay in the outbox")]
    public static partial void PublishFailed(this ILogger logger, string deviceId, int count, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{DeviceId}: the broker did not accept {Count} readings ({ReasonCode}); retrying later")]
    public static partial void PublishNotAccepted(this ILogger logger, string deviceId, int count, string reasonCode);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "{DeviceId}: the broker rejected {Count} readings for good ({ReasonCode}); dropping them")]
    public static partial void PublishRejected(this ILogger logger, string deviceId, int count, string reasonCode);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "{DeviceId}: outbox full, {Dropped} oldest readings dropped so far")]
    public static partial void OutboxOverflow(this ILogger logger, string deviceId, long dropped);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "{DeviceId} connection was cut (no DISCONNECT sent; the broker publishes the Last Will)")]
    public static partial void Killed(this ILogger logger, string deviceId);
}
