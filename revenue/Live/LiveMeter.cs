using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Live;

/// <summary>
/// One station's meter today, as the stream shows it: the last reading before today and today's readings. Rising runs are
/// kept as their end points only (the energy of a run is its last minus its first reading), so memory stays at a few readings
/// a day while resets, dips and late readings still give what <see cref="MeterEnergyCalculator"/> gives on the stored data.
/// </summary>
internal sealed class LiveMeter(Station station)
{
    private readonly List<MeterPoint> _today = [];
    private readonly DaylightWindow _daylight = new(station.Latitude, station.Longitude);
    private MeterPoint? _before;
    private long _readings;

    public DateOnly Date { get; private set; }

    /// <summary>Adds a reading (idempotent: the same device time again replaces the value, as the store does).</summary>
    public void Add(MeterPoint point, DateOnly today)
    {
        var date = ChinaTime.LocalDate(point.TimestampMs);
        if (date > today)
        {
            return; // from a device clock ahead of ours; the decoder normally refuses these
        }

        if (date > Date)
        {
            RollTo(date);
        }

        if (date < Date)
        {
            if (_before is not { } b || point.TimestampMs >= b.TimestampMs)
            {
                _before = point;
            }

            return;
        }

        Insert(point);
    }

    public LiveStationRevenue Current()
    {
        var before = _before is { } b ? MeterDay.Single(b) : null;
        var series = MeterSeries.FromReadings(_today, before, null, station.MeterReplacements);
        var energy = MeterEnergyCalculator.Compute(series, station.MeterReplacements, Date, Date, _daylight);
        var kwh = energy.TotalKwh;
        var (grid, subsidy) = TariffSchedule.PricesFor(station, new DateOnly(Date.Year, Date.Month, 1));
        return new LiveStationRevenue(
            station.Id, Date, kwh, TariffSchedule.Revenue(kwh, grid), TariffSchedule.Revenue(kwh, subsidy), energy.Quality, _readings,
            _today.Count == 0 ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds(_today[^1].TimestampMs));
    }

    private void RollTo(DateOnly date)
    {
        if (_today.Count > 0)
        {
            _before = _today[^1];
        }

        _today.Clear();
        _readings = 0;
        Date = date;
    }

    private void Insert(MeterPoint point)
    {
        var index = _today.BinarySearch(point, ByTime.Instance);
        if (index >= 0)
        {
            _today[index] = point; // a replay of a reading already seen (compression may have dropped it: then it is re-added)
            return;
        }

        _readings++;
        index = ~index;
        if (index == _today.Count && _today.Count >= 2 && _today[^2].Kwh <= _today[^1].Kwh && _today[^1].Kwh <= point.Kwh && !Swapped(_today[^2], point))
        {
            _today[^1] = point; // the middle of a rising run adds nothing to its energy
            return;
        }

        _today.Insert(index, point);
    }

    private bool Swapped(MeterPoint a, MeterPoint b)
    {
        // A loop, not Any(lambda): this runs for every stored reading, and the closure was an allocation each time.
        var replacements = station.MeterReplacements;
        for (var i = 0; i < replacements.Count; i++)
        {
            var at = replacements[i].At.ToUnixTimeMilliseconds();
            if (at > a.TimestampMs && at <= b.TimestampMs)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class ByTime : IComparer<MeterPoint>
    {
        public static readonly ByTime Instance = new();

        public int Compare(MeterPoint x, MeterPoint y) => x.TimestampMs.CompareTo(y.TimestampMs);
    }
}
