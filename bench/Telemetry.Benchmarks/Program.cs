using Telemetry.Benchmarks.Revenue;

return args switch
{
    ["revenue", .. var rest] => await RevenueSettlementBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Telemetry.Benchmarks -- revenue [--stations 10000] [--keep <folder>]");
    return 2;
}
