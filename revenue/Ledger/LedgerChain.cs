using System.Text.Json;
using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Ledger;

/// <summary>The check of one link of a village's chain; null when it holds, otherwise what is wrong (in plain words).</summary>
internal static class LedgerChain
{
    public static string? Check(string villageId, int expectedSeq, string previousHash, int seq, string month, string prevHash, string hash, string body)
    {
        if (seq != expectedSeq)
        {
            return $"sequence gap: expected #{expectedSeq}, found #{seq}";
        }

        if (!string.Equals(prevHash, previousHash, StringComparison.Ordinal))
        {
            return $"#{seq} points to previous hash {prevHash}, but the previous statement's hash is {previousHash}";
        }

        var actual = StatementJson.Hash(body);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            return $"#{seq} was changed after publication: its content hashes to {actual}, not to its recorded hash {hash}";
        }

        RevenueStatement statement;
        try
        {
            statement = StatementJson.Parse(body);
        }
        catch (JsonException e)
        {
            return $"#{seq} cannot be read: {e.Message}";
        }

        if (statement.Sequence != seq || statement.VillageId != villageId || statement.Month != month || statement.PreviousHash != prevHash)
        {
            return $"#{seq}'s content (village {statement.VillageId}, month {statement.Month}, #{statement.Sequence}) does not match its ledger row";
        }

        return StatementJson.Canonical(statement) == body ? null : $"#{seq} is not in canonical form";
    }
}
