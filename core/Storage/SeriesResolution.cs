namespace Telemetry.Core.Storage;

/// <summary>The bucket width of a history query.</summary>
public enum SeriesResolution
{
    /// <summary>Every stored reading is its own point.</summary>
    Raw,

    /// <summary>One-minute buckets (UTC-aligned; a minute is the same everywhere).</summary>
    Minute,

    /// <summary>Fifteen-minute buckets (UTC-aligned; UTC+8 has no quarter-hour offset).</summary>
    FifteenMinutes,

    /// <summary>One bucket per China-time day (00:00–24:00 UTC+8, see <see cref="Time.ChinaTime"/>).</summary>
    Day,
}
