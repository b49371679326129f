using System.ComponentModel.DataAnnotations;

namespace Telemetry.Core.Wire;

/// <summary>Limits the decoder applies to incoming payloads (configuration section <c>Ingest:Validation</c>).</summary>
public sealed class TelemetryDecoderOptions
{
    /// <summary>Payloads larger than this are rejected unread. A logger replaying a day at 1-min cadence sends ~400 KB.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 1024 * 1024;

    /// <summary>How far ahead of our clock a device timestamp may be before it is rejected.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a reading may be; loggers replay buffered data after outages, so this is generous.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(400);
}
