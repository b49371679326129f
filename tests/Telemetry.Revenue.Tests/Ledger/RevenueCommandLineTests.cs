using Telemetry.Revenue.Cli;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Ledger;

public sealed class RevenueCommandLineTests
{
    [Fact]
    public async Task Verify_IntactChain_ExitsZero_UnknownArguments_ExitTwo()
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Village100);
        await using var h = await RevenueHarness.CreateAsync(fleet);
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400).OnTime);
        var published = await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);
        using var output = new StringWriter();

        var code = await RevenueCommandLine.RunAsync(["verify", "v-a", "--ledger", h.Ledger.FilePath], output);

        Assert.Equal(0, code);
        Assert.Contains($"chain of 1 statement(s) is intact; head {published.Hash}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await RevenueCommandLine.RunAsync(["frobnicate"], TextWriter.Null));
        Assert.Equal(2, await RevenueCommandLine.RunAsync(["verify", "v-a", "--ledger", Path.Combine(h.Folder, "none.db")], TextWriter.Null));
        Assert.False(await RevenueCommandLine.RunIfRequestedAsync(["--urls", "http://localhost:5000"], TextWriter.Null));
    }
}
