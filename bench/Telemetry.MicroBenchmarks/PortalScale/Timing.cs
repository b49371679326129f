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
    /// <param name="name">What is measured.</param>
    /// <param name="runs">Measured runs (after warm-up).</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cpu">CPU time used so far by the process that serves the operation.</param>
    /// <param name="idleCpuPerSecond">That process's CPU use while idle (timers, sweeps), subtracted over the measured time.</param>
    /// <param name="note">Shown with the result.</param>
    public static async Task<Timing> MeasureAsync(string name, int runs, Func<Task> operation, Func<TimeSpan> cpu, double idleCpuPerSecond = 0, string note = "")
    {
        for (var i = 0; i < Math.Min(runs, 5); i++)
        {
            await operation().ConfigureAwait(false); // warm-up: JIT, tiered compilation, caches
        }

        var samples = new double[runs];
        var cpuBefore = cpu();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation().ConfigureAwait(false);
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        var cpuMs = Math.Max(0, (cpu() - cpuBefore).TotalMilliseconds - (idleCpuPerSecond * total.Elapsed.TotalSeconds)) / runs;
        Array.Sort(samples);
        return new Timing(name, runs, samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)], samples[^1], cpuMs, note);
    }

    public static Timing Measure(string name, int runs, Action operation, string note = "") =>
        MeasureAsync(name, runs, () => { operation(); return Task.CompletedTask; }, ThisProcessCpu, 0, note).GetAwaiter().GetResult();

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
