using System.Diagnostics;
using System.Globalization;

namespace Telemetry.MicroBenchmarks.PortalScale;

/// <summary>
/// Times one operation several times after a warm-up: wall-clock median, p95 and max in ms, and the CPU time the serving
/// process spent per operation (on a machine shared with other jobs the wall clock includes waiting for a core; the CPU
/// time is what the operation costs).
/// </summary>
internal sealed record Timing(string Name, int Runs, double MedianMs, double P95Ms, double MaxMs, double? CpuMsPerRun, string Note = "")
{
    public static async Task<Timing> MeasureAsync(string name, int runs, Func<Task> operation, Func<TimeSpan> cpu, string note = "")
    {
        await operation().ConfigureAwait(false); // warm-up: JIT, caches
        var samples = new double[runs];
        var cpuBefore = cpu();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation().ConfigureAwait(false);
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        var cpuMs = (cpu() - cpuBefore).TotalMilliseconds / runs;
        Array.Sort(samples);
        return new Timing(name, runs, samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)], samples[^1], cpuMs, note);
    }

    public static Timing Measure(string name, int runs, Action operation, string note = "") =>
        MeasureAsync(name, runs, () => { operation(); return Task.CompletedTask; }, ThisProcessCpu, note).GetAwaiter().GetResult();

    public static Timing Once(string name, TimeSpan elapsed, string note = "") =>
        new(name, 1, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, null, note);

    /// <summary>CPU time of this process so far (all threads, GC included).</summary>
    public static TimeSpan ThisProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Runs} | {MedianMs:0.0} | {P95Ms:0.0} | {MaxMs:0.0} | {(CpuMsPerRun is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) : "")} | {Note} |");
}
