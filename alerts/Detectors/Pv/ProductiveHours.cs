using Telemetry.Core.Fleet;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// For one station, the span of each local day in which its clear-sky output (sun position for its coordinates and
/// date, its tilt and azimuth) reaches a fraction of its AC rating: when even an overcast sky gives measurable power.
/// Computed once per day on a 10-minute grid and cached, so a reading costs a comparison. Not thread-safe.
/// </summary>
internal struct ProductiveHours(Station station, double minFraction)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private DateOnly _day;
    private DateTimeOffset _from = DateTimeOffset.MaxValue;
    private DateTimeOffset _to = DateTimeOffset.MinValue;

    public bool Contains(DateTimeOffset t)
    {
        var day = ChinaTime.LocalDate(t);
        if (day != _day)
        {
            Compute(day);
        }

        return t >= _from && t <= _to;
    }

    private void Compute(DateOnly day)
    {
        _day = day;
        _from = DateTimeOffset.MaxValue;
        _to = DateTimeOffset.MinValue;
        var array = PvArray.Of(station);
        var min = minFraction * station.AcRatingKw;
        var start = ChinaTime.StartOfDay(day);
        for (var t = start.AddHours(4); t <= start.AddHours(21); t += Step)
        {
            if (PvOutputModel.Jincheng.ClearSky(array, t).AcKw >= min)
            {
                if (_from == DateTimeOffset.MaxValue)
                {
                    _from = t;
                }

                _to = t;
            }
        }
    }
}
