namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>Percentiles of a latency distribution, in milliseconds.</summary>
internal sealed record Distribution(long Count, double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>Stands for "later than the histogram tracks" (60 s).</summary>
    public const double BeyondMs = 60_001;

    public static Distribution? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return new Distribution(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), At(sorted, 0.999), sorted[^1]);
    }

    /// <summary>From a histogram of (milliseconds, count) buckets.</summary>
    public static Distribution? OfHistogram(IReadOnlyDictionary<long, long> buckets, long beyond)
    {
        var total = buckets.Values.Sum() + beyond;
        if (total == 0)
        {
            return null;
        }

        double Percentile(double p)
        {
            var rank = (long)Math.Ceiling(p * total);
            long seen = 0;
            foreach (var (ms, count) in buckets.OrderBy(b => b.Key))
            {
                seen += count;
                if (seen >= rank)
                {
                    return ms;
                }
            }

            return BeyondMs; // in the "older than tracked" bucket
        }

        return new Distribution(total, Percentile(0.50), Percentile(0.99), Percentile(0.999), beyond > 0 ? BeyondMs : buckets.Keys.DefaultIfEmpty().Max());
    }

    private static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
