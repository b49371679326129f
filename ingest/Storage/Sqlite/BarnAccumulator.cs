using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Climate means and maxima of one bucket; optional gases average over the readings that have them.</summary>
internal sealed class BarnAccumulator
{
    private double _temp;
    private double _tempMax = double.MinValue;
    private double _humidity;
    private (double Sum, long N, double Max) _nh3 = (0, 0, double.MinValue);
    private (double Sum, long N) _co2;
    private (double Sum, long N) _h2s;

    public long Count { get; private set; }

    public void Add(double tempC, double humidityPct, double? nh3, double? co2, double? h2s)
    {
        _temp += tempC;
        _tempMax = Math.Max(_tempMax, tempC);
        _humidity += humidityPct;
        if (nh3 is { } n)
        {
            _nh3 = (_nh3.Sum + n, _nh3.N + 1, Math.Max(_nh3.Max, n));
        }

        if (co2 is { } c)
        {
            _co2 = (_co2.Sum + c, _co2.N + 1);
        }

        if (h2s is { } h)
        {
            _h2s = (_h2s.Sum + h, _h2s.N + 1);
        }

        Count++;
    }

    public BarnSeriesPoint Point(long bucketStartMs) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(bucketStartMs),
        _temp / Count,
        _tempMax,
        _humidity / Count,
        _nh3.N > 0 ? _nh3.Sum / _nh3.N : null,
        _nh3.N > 0 ? _nh3.Max : null,
        _co2.N > 0 ? _co2.Sum / _co2.N : null,
        _h2s.N > 0 ? _h2s.Sum / _h2s.N : null,
        Count);
}
