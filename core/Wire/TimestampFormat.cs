namespace Telemetry.Core.Wire;

/// <summary>How a payload writer encodes <c>ts</c>; the decoder accepts both.</summary>
public enum TimestampFormat
{
    /// <summary>RFC 3339 UTC with milliseconds, e.g. <c>"2026-06-21T04:05:00.000Z"</c>.</summary>
    Rfc3339,

    /// <summary>Unix epoch milliseconds as a JSON number.</summary>
    EpochMilliseconds,
}
