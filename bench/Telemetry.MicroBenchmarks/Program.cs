using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Telemetry.MicroBenchmarks.Decoding;
using Telemetry.MicroBenchmarks.PortalScale;

if (args is ["portal-scale", .. var rest])
{
    return await PortalScaleBenchmark.RunAsync(rest);
}

// A short job (3 warm-ups, 5 measured iterations) run in this process, so that `--filter '*'` finishes in a few minutes on the
// 2-core machine: building BenchmarkDotNet's generated project alone takes minutes there. Pass BenchmarkDotNet's own
// options (e.g. `--job default`, `--inProcess false`) for longer or out-of-process runs.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
    .WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "bench", "micro"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(DecodeBenchmarks).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
