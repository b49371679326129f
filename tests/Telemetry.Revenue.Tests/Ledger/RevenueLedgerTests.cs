using Microsoft.Data.Sqlite;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Ledger;

/// <summary>Publication, immutability, corrections and the hash chain, on a real SQLite ledger file.</summary>
public sealed class RevenueLedgerTests
{
    [Fact]
    public async Task Publish_TwoMonths_ChainsTheSecondToTheFirstAndVerifies()
    {
        await using var h = await HarnessWithMarchAndApril();

        var march = await h.Service.PublishAsync("v-a", new DateOnly(2026, 3, 1), CancellationToken.None);
        var april = await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);

        Assert.Equal((1, StatementJson.GenesisHash), (march.Sequence, march.PreviousHash));
        Assert.Equal((2, march.Hash), (april.Sequence, april.PreviousHash));
        Assert.Equal(StatementJson.Hash(StatementJson.Canonical(april)), april.Hash);
        var check = await h.Ledger.VerifyAsync("v-a", CancellationToken.None);
        Assert.Equal(new ChainVerification("v-a", 2, true, null, null, april.Hash), check);
        var served = await h.Service.GetAsync("v-a", MeterScript.April, CancellationToken.None);
        Assert.Equal((StatementStatus.Published, april.Hash), (served!.Status, served.Hash));
    }

    [Fact]
    public async Task Publish_SameMonthTwice_IsRefusedAndCurrentMonthCannotBePublished()
    {
        await using var h = await HarnessWithMarchAndApril();
        await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);

        var twice = await Assert.ThrowsAsync<LedgerConflictException>(() => h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None));
        Assert.Contains("publish a correction of #1", twice.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LedgerConflictException>(() => h.Service.PublishAsync("v-a", new DateOnly(2026, 5, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Correct_AfterLateData_IsANewStatementThatReferencesTheOriginal()
    {
        // Before the late data: days 10–12 are estimated but the month total (12,000 kWh) is already exact. Then a correction
        // is published after the late readings arrive: it references #1, the original stays as it was.
        await using var h = await HarnessWithMarchAndApril(days10To12Late: true);
        var original = await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400, days10To12Late: true).Late);

        var correction = await h.Service.CorrectAsync("v-a", MeterScript.April, "10–12日数据补传", CancellationToken.None);

        Assert.Equal((2, 1, "10–12日数据补传", original.Hash), (correction.Sequence!.Value, correction.Corrects!.Value, correction.CorrectionReason, correction.PreviousHash));
        Assert.Contains(original.Stations[0].Days, d => d.Quality == EnergyQuality.Estimated);
        Assert.DoesNotContain(correction.Stations[0].Days, d => d.Quality == EnergyQuality.Estimated);
        Assert.Equal(original.Totals.DistributableYuan, correction.Totals.DistributableYuan);
        var first = await h.Ledger.FindBySequenceAsync("v-a", 1, CancellationToken.None);
        Assert.Equal(original.Hash, first!.Value.Statement.Hash);
        Assert.True((await h.Ledger.VerifyAsync("v-a", CancellationToken.None)).Valid);
        var stale = await Assert.ThrowsAsync<LedgerConflictException>(() =>
            h.Ledger.PublishAsync(original with { Status = StatementStatus.Unpublished }, h.Time.Now, 1, "again", CancellationToken.None));
        Assert.Contains("latest statement #2", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_PublishedRow_IsRefusedByTheDatabase()
    {
        await using var h = await HarnessWithMarchAndApril();
        await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={h.Ledger.FilePath}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE statements SET body = replace(body, '3460.66', '3960.66')";
        var e = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("immutable", e.Message, StringComparison.Ordinal);
        update.CommandText = "DELETE FROM statements";
        await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Verify_BodyChangedBehindTheTriggersBack_ReportsTheFirstBrokenLink()
    {
        await using var h = await HarnessWithMarchAndApril();
        await h.Service.PublishAsync("v-a", new DateOnly(2026, 3, 1), CancellationToken.None);
        await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);

        // Someone with file access drops the trigger and raises a wage in April's statement (#2).
        await Tamper(h.Ledger.FilePath, "UPDATE statements SET body = replace(body, '\"amountYuan\":600', '\"amountYuan\":700') WHERE seq = 2");

        var check = await h.Ledger.VerifyAsync("v-a", CancellationToken.None);
        Assert.False(check.Valid);
        Assert.Equal(2, check.BrokenAt);
        Assert.Contains("changed after publication", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HashRewrittenToMatchTheChangedBody_BreaksTheNextLink()
    {
        await using var h = await HarnessWithMarchAndApril();
        await h.Service.PublishAsync("v-a", new DateOnly(2026, 3, 1), CancellationToken.None);
        await h.Service.PublishAsync("v-a", MeterScript.April, CancellationToken.None);
        var (march, _) = (await h.Ledger.FindBySequenceAsync("v-a", 1, CancellationToken.None))!.Value;
        var forged = StatementJson.Canonical(march with { Notes = ["改过"] });

        // The forger also rewrites #1's hash to match; #2 still points to the original hash.
        await Tamper(h.Ledger.FilePath, $"UPDATE statements SET body = '{forged.Replace("'", "''", StringComparison.Ordinal)}', hash = '{StatementJson.Hash(forged)}' WHERE seq = 1");

        var check = await h.Ledger.VerifyAsync("v-a", CancellationToken.None);
        Assert.Equal((false, 2), (check.Valid, check.BrokenAt));
        Assert.Contains("previous hash", check.Problem, StringComparison.Ordinal);
    }

    private static async Task Tamper(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER statements_no_update; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<RevenueHarness> HarnessWithMarchAndApril(bool days10To12Late = false)
    {
        var fleet = RevenueFleet.Registry(RevenueFleet.Village100);
        var h = await RevenueHarness.CreateAsync(fleet, TestPlans.Book(fleet, TestPlans.VillageA2026()));
        await h.WriteAsync(RevenueFleet.Village100, MeterScript.April2026(50_000, 400, days10To12Late: days10To12Late).OnTime);
        await h.WriteAsync(RevenueFleet.Village100, [(MeterScript.At(new DateOnly(2026, 3, 1), 6), 40_000)]);
        return h;
    }
}
