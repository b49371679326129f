using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Storage;

/// <summary>
/// Remembers the oldest China-time day that stored PV readings touched since the last rollup, so late data for an old day gets
/// its rollup recomputed too (not only the recent days every pass covers).
/// </summary>
internal sealed class RollupTracker
{
    private int _oldestDay = int.MaxValue;

    public void Touch(IReadOnlyList<Reading> stored)
    {
        var oldest = int.MaxValue;
        foreach (var reading in stored)
        {
            if (reading is PvReading)
            {
                oldest = Math.Min(oldest, ChinaTime.LocalDate(reading.TimestampMs).DayNumber);
            }
        }

        int seen;
        while (oldest < (seen = Volatile.Read(ref _oldestDay)) && Interlocked.CompareExchange(ref _oldestDay, oldest, seen) != seen)
        {
        }
    }

    /// <summary>The oldest touched day since the previous call, or null.</summary>
    public DateOnly? Take()
    {
        var day = Interlocked.Exchange(ref _oldestDay, int.MaxValue);
        return day == int.MaxValue ? null : DateOnly.FromDayNumber(day);
    }
}
