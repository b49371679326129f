namespace Telemetry.Ingest.Pipeline;

/// <summary>Republishes dead letters on the broker (<c>{prefix}deadletter/{reason}</c>); one implementation per broker mode.</summary>
public interface IDeadLetterPublisher
{
    /// <summary>Publishes without waiting; a failure is the publisher's to log, never the ingest path's.</summary>
    void Publish(string topic, ReadOnlyMemory<byte> payload);
}
