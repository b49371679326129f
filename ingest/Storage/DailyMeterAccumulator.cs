using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage;

/// <summary>
/// Builds one station's <see cref="DailyMeter"/>s from its readings in device-time order (one reading per device time, as the
/// store keeps them): a day closes when a reading of a later China-time day arrives.
/// </summary>
internal sealed class DailyMeterAccumulator
{
    private const long DayMs = 86_400_000;
    private const long OffsetMs = 8 * 3_600_000;
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    private long _day = long.MinValue;
    private double _first, _last, _min, _rise;
    private long _firstTs, _lastTs, _count, _down;

    /// <summary>Adds the next reading; returns the day it closed, if it starts a new one.</summary>
    public DailyMeter? Add(long ts, double kwh)
    {
        var day = Math.DivRem(ts + OffsetMs, DayMs, out var rem) - (rem < 0 ? 1 : 0);
        DailyMeter? closed = null;
        if (day != _day)
        {
            closed = Close();
            (_day, _first, _min, _rise, _firstTs, _count, _down) = (day, kwh, kwh, 0, ts, 0, 0);
        }
        else if (kwh >= _last)
        {
            _rise += kwh - _last;
        }
        else
        {
            _down++;
        }

        (_last, _lastTs) = (kwh, ts);
        _min = Math.Min(_min, kwh);
        _count++;
        return closed;
    }

    /// <summary>The day in progress, if any; the accumulator is then empty.</summary>
    public DailyMeter? Close()
    {
        if (_day == long.MinValue)
        {
            return null;
        }

        var meter = new DailyMeter(
            DateOnly.FromDayNumber(UnixEpochDay + (int)_day),
            _first,
            _last,
            _count,
            DateTimeOffset.FromUnixTimeMilliseconds(_firstTs),
            DateTimeOffset.FromUnixTimeMilliseconds(_lastTs),
            _min,
            _rise,
            _down);
        _day = long.MinValue;
        return meter;
    }
}
