using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// Accumulates one station's local day from its lifetime meter: first and last reading, and the meter at the first
/// reading of each local hour. Energy comes from meter deltas, so cadence and gaps do not matter.
/// </summary>
internal sealed class StationDay(Station station, DateOnly date)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private readonly double[] _hourMeter = Filled(25);
    private readonly long[] _hourAtMs = new long[25]; // Unix ms, as readings carry it (half the size of DateTimeOffset[]: 90,000 stations)
    private PvReading? _first;
    private PvReading? _last;
    private bool _meterWentBack;

    public DateOnly Date { get; } = date;

    public void Add(PvReading r)
    {
        _first ??= r;
        if (_last is { } last && r.EnergyTotalKwh < last.EnergyTotalKwh - 0.05)
        {
            _meterWentBack = true;
        }

        _last = r;
        var hour = ChinaTime.ToLocal(r.Timestamp).Hour;
        if (double.IsNaN(_hourMeter[hour]))
        {
            _hourMeter[hour] = r.EnergyTotalKwh;
            _hourAtMs[hour] = r.TimestampMs;
        }
    }

    public StationDayResult Result(double latestFirstHour, double earliestLastHour, double minClearSkyFraction)
    {
        if (_first is not { } first || _last is not { } last)
        {
            return new StationDayResult(station, false, double.NaN, double.NaN, double.NaN);
        }

        var start = ChinaTime.StartOfDay(Date);
        var yield = (last.EnergyTotalKwh - first.EnergyTotalKwh) / station.CapacityKwp;
        var valid = !_meterWentBack
            && (first.Timestamp - start).TotalHours <= latestFirstHour
            && (last.Timestamp - start).TotalHours >= earliestLastHour
            && yield is >= 0 and <= 12;
        return valid
            ? new StationDayResult(station, true, yield, ClearSkyKwh(first.Timestamp, last.Timestamp) / station.CapacityKwp, BestHour(minClearSkyFraction))
            : new StationDayResult(station, false, yield, double.NaN, double.NaN);
    }

    private double ClearSkyKwh(DateTimeOffset from, DateTimeOffset to)
    {
        var array = PvArray.Of(station);
        var kwh = 0.0;
        for (var t = from; t < to; t += Step)
        {
            var width = to - t < Step ? to - t : Step;
            kwh += PvOutputModel.Jincheng.ClearSky(array, t + (width / 2)).AcKw * width.TotalHours;
        }

        return kwh;
    }

    /// <summary>The best ratio of metered to clear-sky energy over consecutive hourly meter points.</summary>
    private double BestHour(double minClearSkyFraction)
    {
        var best = double.NaN;
        for (var h = 0; h < 24; h++)
        {
            if (double.IsNaN(_hourMeter[h]) || double.IsNaN(_hourMeter[h + 1]))
            {
                continue;
            }

            var from = DateTimeOffset.FromUnixTimeMilliseconds(_hourAtMs[h]);
            var to = DateTimeOffset.FromUnixTimeMilliseconds(_hourAtMs[h + 1]);
            var span = to - from;
            if (span < TimeSpan.FromMinutes(45) || span > TimeSpan.FromMinutes(75))
            {
                continue;
            }

            var clearKwh = ClearSkyKwh(from, to);
            if (clearKwh < minClearSkyFraction * station.AcRatingKw * span.TotalHours)
            {
                continue;
            }

            var ratio = (_hourMeter[h + 1] - _hourMeter[h]) / clearKwh;
            best = double.IsNaN(best) ? ratio : Math.Max(best, ratio);
        }

        return best;
    }

    private static double[] Filled(int length)
    {
        var a = new double[length];
        Array.Fill(a, double.NaN);
        return a;
    }
}
