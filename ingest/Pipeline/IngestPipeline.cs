using System.Buffers;
using System.Text;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Wire;
using Telemetry.Ingest.Live;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// One MQTT message in: status messages update live state; telemetry is decoded, bad parts dead-lettered, and the
/// good readings written. The returned task completes only when the readings are durable — acknowledge then.
/// The payload is read synchronously before the first await, so the caller's buffer may be reused afterwards.
/// </summary>
public sealed class IngestPipeline
{
    private readonly TelemetryDecoder _decoder;
    private readonly TelemetryTopics _topics;
    private readonly FleetRegistry _fleet;
    private readonly ReadingWriter _writer;
    private readonly DeadLetterSink _deadLetters;
    private readonly FleetLiveState _live;
    private readonly IngestStatistics _statistics;

    internal IngestPipeline(
        TelemetryDecoder decoder,
        TelemetryTopics topics,
        FleetRegistry fleet,
        ReadingWriter writer,
        DeadLetterSink deadLetters,
        FleetLiveState live,
        IngestStatistics statistics)
    {
        _decoder = decoder;
        _topics = topics;
        _fleet = fleet;
        _writer = writer;
        _deadLetters = deadLetters;
        _live = live;
        _statistics = statistics;
    }

    public TelemetryTopics Topics => _topics;

    /// <summary>Completes when the write queue has room: producers that do not await <see cref="SubmitAsync"/> wait here.</summary>
    public ValueTask<bool> WaitForRoomAsync(CancellationToken cancellationToken) => _writer.WaitForRoomAsync(cancellationToken);

    /// <param name="topic">The message's topic.</param>
    /// <param name="payload">Its payload; read before this method first yields.</param>
    /// <param name="publisherId">The authenticated device that sent it (embedded broker), or null when unknown.</param>
    /// <param name="cancellationToken">Cancels only the wait for room in the write queue (the message then stays unacknowledged); queued readings are written, and the task is cancelled only if the service stops first.</param>
    public Task<IngestOutcome> SubmitAsync(string topic, in ReadOnlySequence<byte> payload, string? publisherId, CancellationToken cancellationToken)
    {
        _statistics.PayloadReceived();
        if (_topics.TryParse(topic, out var kind, out var id, out var channel) && channel == TopicChannel.Status)
        {
            return Task.FromResult(Status(topic, payload, kind, id));
        }

        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        _decoder.Decode(topic, payload, publisherId, accepted, rejected);
        if (rejected.Count > 0)
        {
            _deadLetters.Record(topic, payload, rejected);
        }

        return accepted.Count == 0
            ? Task.FromResult(new IngestOutcome(0, rejected.Count))
            : _writer.Enqueue(accepted, new IngestOutcome(accepted.Count, rejected.Count), cancellationToken);
    }

    private IngestOutcome Status(string topic, in ReadOnlySequence<byte> payload, DeviceKind kind, ReadOnlySpan<char> id)
    {
        Rejection? problem = null;
        if (!_fleet.TryGetDevice(id, out var device))
        {
            problem = new(RejectReason.UnknownDevice, $"status from unregistered device '{id}'", id.ToString());
        }
        else if (device.Kind != kind)
        {
            problem = new(RejectReason.TopicMismatch, $"'{device.Id}' published status on a {TelemetryTopics.Segment(kind)} topic", device.Id);
        }
        else if (payload.Length == 0)
        {
            return new IngestOutcome(0, 0); // an empty retained message clears the status; nothing to record
        }
        else
        {
            var text = payload.Length <= 16 ? Encoding.UTF8.GetString(payload).Trim() : "";
            if (text is "online" or "offline")
            {
                _live.SetStatus(device, text == "online");
                return new IngestOutcome(0, 0);
            }

            problem = new(RejectReason.WrongType, "status payload must be 'online' or 'offline'", device.Id);
        }

        _deadLetters.Record(topic, payload, [problem]);
        return new IngestOutcome(0, 1);
    }
}
