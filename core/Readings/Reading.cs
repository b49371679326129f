using Telemetry.Core.Fleet;

namespace Telemetry.Core.Readings;

/// <summary>One validated measurement from a device, stamped with the device's own time.</summary>
public abstract class Reading
{
    /// <summary>The registered device that published it (resolved from the topic).</summary>
    public required Device Device { get; init; }

    /// <summary>Device time, Unix epoch milliseconds (UTC). Readings are stored and judged by this, never by arrival.</summary>
    public required long TimestampMs { get; init; }

    /// <summary>The device's optional sequence number, for gap and duplicate diagnosis.</summary>
    public long? Seq { get; init; }

    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);
}
