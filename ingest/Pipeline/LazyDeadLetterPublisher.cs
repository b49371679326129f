namespace Telemetry.Ingest.Pipeline;

/// <summary>Breaks the construction cycle broker → pipeline → dead letters → broker by resolving the publisher on first use.</summary>
internal sealed class LazyDeadLetterPublisher(Func<IDeadLetterPublisher> resolve) : IDeadLetterPublisher
{
    private readonly Lazy<IDeadLetterPublisher> _publisher = new(resolve);

    public void Publish(string topic, ReadOnlyMemory<byte> payload) => _publisher.Value.Publish(topic, payload);
}
