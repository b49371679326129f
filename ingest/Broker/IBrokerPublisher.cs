namespace Telemetry.Ingest.Broker;

/// <summary>
/// Publishes a service message (alerts, for instance) on the broker this process uses: injected into the embedded
/// server, or sent at QoS 1 over the ingest client's connection to an external broker.
/// </summary>
public interface IBrokerPublisher
{
    /// <summary>
    /// Publishes and completes once the broker has taken the message; throws when it cannot (broker not running, not
    /// connected, refused), so the caller can retry. A retained message with an empty payload removes the retained one.
    /// </summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken);
}
