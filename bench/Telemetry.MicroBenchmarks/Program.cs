using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Telemetry.MicroBenchmarks.PortalScale;

if (args is ["portal-scale", .. var rest])
{
    return await PortalScaleBenchmark.RunAsync(rest);
}

// A short job (one process, 3 warm-ups, 5 measured iterations) so that `--filter '*'` finishes in a few minutes on the 2-core
// machine; pass BenchmarkDotNet's own options (e.g. `--job default`) for longer runs.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).AsDefault())
    .WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "bench", "micro"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
