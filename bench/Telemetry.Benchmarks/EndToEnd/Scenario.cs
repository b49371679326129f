namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>One run of the load against one consumer: the service (stored count), a reference subscriber, or neither (the reference broker: the acknowledgements).</summary>
internal sealed record Scenario(string Name, string Broker, string Store, int Port, LoadSpec Load)
{
    public ServiceUnderTest? Service { get; init; }

    public ChildProcess? Subscriber { get; init; }

    public int? BrokerPid { get; init; }

    public int? StorePid { get; init; }

    public string? AlertUser { get; init; }

    public string? AlertPassword { get; init; }

    /// <summary>Round of the alternating reference / ingest runs (0 for the runs outside them).</summary>
    public int Round { get; init; }
}
