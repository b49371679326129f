using Telemetry.Core.Time;

namespace Telemetry.Core.Storage;

/// <summary>
/// Where the buckets of a <see cref="SeriesResolution"/> begin: a bucket starts at every instant <c>t</c> with
/// <c>(t − offset) mod width = 0</c>. Both adapters use these numbers (InfluxQL <c>GROUP BY time(width, offset)</c>), so a
/// series reads the same from either store.
/// </summary>
public static class SeriesBuckets
{
    /// <summary>Local midnight in UTC+8 is 16:00 UTC.</summary>
    private const long DayOffsetMs = 86_400_000 - 8 * 3_600_000;

    /// <summary>Bucket width in milliseconds (0 for <see cref="SeriesResolution.Raw"/>).</summary>
    public static long WidthMs(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Raw => 0,
        SeriesResolution.Minute => 60_000,
        SeriesResolution.FifteenMinutes => 900_000,
        SeriesResolution.Day => 86_400_000,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown resolution"),
    };

    /// <summary>Offset of the bucket grid from the Unix epoch, in milliseconds (non-negative, below the width).</summary>
    public static long OffsetMs(SeriesResolution resolution) => resolution == SeriesResolution.Day ? DayOffsetMs : 0;

    /// <summary>The start of the bucket that holds <paramref name="unixMs"/>.</summary>
    public static long BucketStart(long unixMs, SeriesResolution resolution)
    {
        var width = WidthMs(resolution);
        if (width == 0)
        {
            return unixMs;
        }

        var offset = OffsetMs(resolution);
        var shifted = unixMs - offset;
        var floor = shifted >= 0 ? shifted / width : -((-shifted + width - 1) / width);
        return (floor * width) + offset;
    }

    /// <summary>The UTC instants [start, end) of a range of China-time days, both dates included.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Days(DateOnly from, DateOnly to) =>
        (ChinaTime.StartOfDay(from), ChinaTime.StartOfDay(to.AddDays(1)));

    /// <summary>Parses the API spelling: <c>raw</c>, <c>1m</c>, <c>15m</c>, <c>1d</c>.</summary>
    public static bool TryParse(string? text, out SeriesResolution resolution)
    {
        (var ok, resolution) = text switch
        {
            "raw" => (true, SeriesResolution.Raw),
            "1m" => (true, SeriesResolution.Minute),
            "15m" => (true, SeriesResolution.FifteenMinutes),
            "1d" => (true, SeriesResolution.Day),
            _ => (false, SeriesResolution.Raw),
        };
        return ok;
    }
}
