namespace Telemetry.Ingest.IntegrationTests.Resilience;

/// <summary>The long failure tests run one after the other (each starts its own servers).</summary>
[CollectionDefinition(Name)]
public sealed class ResilienceCollection
{
    public const string Name = "resilience";
}
