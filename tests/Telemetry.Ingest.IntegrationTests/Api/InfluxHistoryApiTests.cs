using Telemetry.Ingest.IntegrationTests.Support;

namespace Telemetry.Ingest.IntegrationTests.Api;

/// <summary>The history API over a real InfluxDB 1.6.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxHistoryApiTests(InfluxFixture influx) : HistoryApiContract
{
    protected override IReadOnlyDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "InfluxDB",
        ["Storage:InfluxDB:Url"] = influx.Server.Url,
        ["Storage:InfluxDB:Version"] = "1",
        ["Storage:InfluxDB:Database"] = "api_" + Guid.NewGuid().ToString("N")[..12],
    };
}
