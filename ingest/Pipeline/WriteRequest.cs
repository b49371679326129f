using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Pipeline;

/// <summary>The readings of one payload waiting for the store, and the task its MQTT acknowledgement waits on.</summary>
internal sealed class WriteRequest(IReadOnlyList<Reading> readings)
{
    public IReadOnlyList<Reading> Readings { get; } = readings;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
