namespace Telemetry.Ingest.IntegrationTests.Api;

/// <summary>The history API over the embedded SQLite store.</summary>
public sealed class SqliteHistoryApiTests : HistoryApiContract
{
    protected override IReadOnlyDictionary<string, string?> StorageSettings() => new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" };
}
