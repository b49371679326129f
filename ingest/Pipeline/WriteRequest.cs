using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// The readings of one payload waiting for the store, and the task its MQTT acknowledgement waits on, which completes with the
/// payload's outcome once the readings are durable.
/// </summary>
internal sealed class WriteRequest(IReadOnlyList<Reading> readings, IngestOutcome outcome)
{
    public IReadOnlyList<Reading> Readings { get; } = readings;

    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Stored() => Completion.TrySetResult(outcome);
}
