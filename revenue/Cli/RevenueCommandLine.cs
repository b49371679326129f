using System.Globalization;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Revenue.Cli;

/// <summary>
/// The <c>revenue</c> subcommand of a host: <c>revenue verify &lt;villageId&gt; [--ledger path]</c> checks a village's hash
/// chain (exit code 0 valid, 1 broken, 2 usage); <c>revenue list &lt;villageId&gt; [--ledger path]</c> prints the chain.
/// The ledger defaults to <c>Revenue__LedgerPath</c> from the environment, else <c>data/revenue.db</c> in the working folder.
/// </summary>
public static class RevenueCommandLine
{
    /// <summary>
    /// Runs the subcommand when <paramref name="args"/> start with <c>revenue</c> and returns true (the exit code is set in
    /// <see cref="Environment.ExitCode"/>); returns false for any other arguments, so that the host starts as usual.
    /// </summary>
    public static async Task<bool> RunIfRequestedAsync(string[] args, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not ["revenue", ..])
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(args[1..], output ?? Console.Out).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs <c>verify</c> or <c>list</c> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var ledgerPath = Environment.GetEnvironmentVariable("Revenue__LedgerPath") ?? new RevenueOptions().LedgerPath;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--ledger" && i + 1 < args.Length)
            {
                ledgerPath = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (rest is not [("verify" or "list") and var command, var villageId])
        {
            await output.WriteLineAsync("usage: revenue verify <villageId> [--ledger path]\n       revenue list <villageId> [--ledger path]").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(ledgerPath))
        {
            await output.WriteLineAsync($"no ledger at {Path.GetFullPath(ledgerPath)} (use --ledger path)").ConfigureAwait(false);
            return 2;
        }

        var ledger = new RevenueLedger(ledgerPath);
        if (command == "list")
        {
            foreach (var s in await ledger.ListAsync(villageId, CancellationToken.None).ConfigureAwait(false))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{s.Sequence} {s.Month} {(s.Corrects is { } c ? $"corrects #{c} " : "")}{s.PublishedAt:yyyy-MM-dd HH:mm} {s.Hash}")).ConfigureAwait(false);
            }

            return 0;
        }

        var check = await ledger.VerifyAsync(villageId, CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(check.Valid
            ? $"{villageId}: chain of {check.Statements} statement(s) is intact; head {check.HeadHash ?? "(empty)"}"
            : $"{villageId}: chain BROKEN at #{check.BrokenAt}: {check.Problem}").ConfigureAwait(false);
        return check.Valid ? 0 : 1;
    }
}
