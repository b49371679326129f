namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>Test classes that share one influxd (<see cref="InfluxFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxFixture>
{
    public const string Name = "influxd";
}
