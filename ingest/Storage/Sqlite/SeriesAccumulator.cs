using Telemetry.Core.Storage;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Mean and max power and the last meter of one bucket, fed in time order.</summary>
internal sealed class SeriesAccumulator
{
    private double _sum;
    private double _max = double.MinValue;
    private double _lastMeter;

    public long Count { get; private set; }

    public void Add(double powerKw, double meterKwh)
    {
        _sum += powerKw;
        _max = Math.Max(_max, powerKw);
        _lastMeter = meterKwh;
        Count++;
    }

    public PvSeriesPoint Pv(long bucketStartMs) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(bucketStartMs), _sum / Count, _max, _lastMeter, Count);
}
