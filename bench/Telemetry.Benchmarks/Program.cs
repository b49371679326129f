using Telemetry.Benchmarks.EndToEnd;
using Telemetry.Benchmarks.Revenue;
using Telemetry.Benchmarks.Storage;

return args switch
{
    ["revenue", .. var rest] => await RevenueSettlementBenchmark.RunAsync(rest),
    ["storage", .. var rest] => await StorageThroughputBenchmark.RunAsync(rest),
    ["e2e", .. var rest] => await E2eBenchmark.RunAsync(rest),
    ["reference-broker", .. var rest] => await ReferenceBroker.RunAsync(rest),
    ["reference-subscriber", .. var rest] => await ReferenceSubscriber.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Telemetry.Benchmarks -- revenue [--stations 10000] [--store sqlite|influxdb] [--rounds 2]");
    Console.WriteLine("       dotnet run -c Release --project bench/Telemetry.Benchmarks -- storage [--readings 200000] [--batch 5000] [--runs 3]");
    Console.WriteLine("       bench/run [--quick]   (end-to-end: e2e, reference-broker and reference-subscriber modes; docs/benchmarks.md)");
    return 2;
}
