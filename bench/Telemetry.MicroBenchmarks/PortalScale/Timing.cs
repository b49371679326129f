using System.Diagnostics;
using System.Globalization;

namespace Telemetry.MicroBenchmarks.PortalScale;

/// <summary>Times one operation several times after a warm-up; reports median, p95 and max in ms.</summary>
internal sealed record Timing(string Name, int Runs, double MedianMs, double P95Ms, double MaxMs, string Note = "")
{
    public static async Task<Timing> MeasureAsync(string name, int runs, Func<Task> operation, string note = "")
    {
        await operation().ConfigureAwait(false); // warm-up: JIT, caches
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation().ConfigureAwait(false);
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return new Timing(name, runs, samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)], samples[^1], note);
    }

    public static Timing Measure(string name, int runs, Action operation, string note = "") =>
        MeasureAsync(name, runs, () => { operation(); return Task.CompletedTask; }, note).GetAwaiter().GetResult();

    public static Timing Once(string name, TimeSpan elapsed, string note = "") =>
        new(name, 1, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, note);

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Runs} | {MedianMs:0.0} | {P95Ms:0.0} | {MaxMs:0.0} | {Note} |");
}
