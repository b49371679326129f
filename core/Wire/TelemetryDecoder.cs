using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Core.Wire;

/// <summary>
/// Turns a telemetry payload (wire contract v1) into readings, or rejections with reasons. A bad reading inside an
/// array is rejected alone; the good readings around it are kept. Thread-safe.
/// </summary>
public sealed class TelemetryDecoder
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow };

    private readonly FleetRegistry _fleet;
    private readonly TelemetryTopics _topics;
    private readonly TelemetryDecoderOptions _options;
    private readonly TimeProvider _time;

    public TelemetryDecoder(FleetRegistry fleet, TelemetryTopics topics, TelemetryDecoderOptions options, TimeProvider time)
    {
        _fleet = fleet;
        _topics = topics;
        _options = options;
        _time = time;
    }

    /// <summary>Decodes a payload received on <paramref name="topic"/>.</summary>
    /// <param name="topic">The MQTT topic; must be a device's telemetry topic.</param>
    /// <param name="payload">The raw payload.</param>
    /// <param name="publisherId">The authenticated device that sent it, if known; it must own the topic.</param>
    /// <param name="accepted">Receives the valid readings, in payload order.</param>
    /// <param name="rejected">Receives a rejection per bad reading, or one for the whole payload.</param>
    /// <returns>The device the topic names, or null when the topic names no registered device.</returns>
    public Device? Decode(string topic, in ReadOnlySequence<byte> payload, string? publisherId, ICollection<Reading> accepted, ICollection<Rejection> rejected)
    {
        if (payload.Length > _options.MaxPayloadBytes)
        {
            rejected.Add(new(RejectReason.PayloadTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"payload is {payload.Length} bytes; the limit is {_options.MaxPayloadBytes}")));
            return null;
        }

        if (!_topics.TryParse(topic, out var kind, out var id, out var channel) || channel != TopicChannel.Telemetry)
        {
            rejected.Add(new(RejectReason.UnknownTopic, $"'{topic}' is not a telemetry topic ({_topics.Prefix}pv|barn/{{id}}/telemetry)"));
            return null;
        }

        if (!_fleet.TryGetDevice(id, out var device))
        {
            rejected.Add(new(RejectReason.UnknownDevice, $"no device '{id}' is registered", id.ToString()));
            return null;
        }

        if (device.Kind != kind)
        {
            rejected.Add(new(RejectReason.TopicMismatch, $"'{device.Id}' is a {TelemetryTopics.Segment(device.Kind)} device but published on a {TelemetryTopics.Segment(kind)} topic", device.Id));
            return device;
        }

        if (publisherId is not null && !string.Equals(publisherId, device.Id, StringComparison.Ordinal))
        {
            rejected.Add(new(RejectReason.TopicMismatch, $"device '{publisherId}' may not publish on the topic of '{device.Id}'", device.Id));
            return device;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var ctx = new DecodeContext(now, now + (long)_options.MaxClockSkew.TotalMilliseconds, now - (long)_options.MaxAge.TotalMilliseconds);
        DecodeBody(payload, device, ctx, accepted, rejected);
        return device;
    }

    private static void DecodeBody(in ReadOnlySequence<byte> payload, Device device, in DecodeContext ctx, ICollection<Reading> accepted, ICollection<Rejection> rejected)
    {
        var before = accepted.Count;
        var rejectedBefore = rejected.Count;
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                rejected.Add(new(RejectReason.MalformedJson, "payload is empty", device.Id));
                return;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                DecodeOne(ref reader, device, ctx, null, accepted, rejected);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        DecodeOne(ref reader, device, ctx, index, accepted, rejected);
                    }
                    else
                    {
                        rejected.Add(new(RejectReason.WrongType, $"array items must be reading objects, not {JsonFields.Describe(reader.TokenType)}", device.Id, index));
                        JsonFields.SkipComposite(ref reader);
                    }

                    index++;
                }
            }
            else
            {
                rejected.Add(new(RejectReason.MalformedJson, $"payload must be a reading object or an array of them, not {JsonFields.Describe(reader.TokenType)}", device.Id));
                return;
            }

            if (reader.Read())
            {
                throw new JsonException("'" + (char)payload.Slice(reader.TokenStartIndex, 1).FirstSpan[0] + "' after the end of the JSON value");
            }
        }
        catch (JsonException e)
        {
            // A syntax error makes the whole payload untrustworthy: drop what was read from it, keep one clear reason.
            RollBack(accepted, before);
            RollBack(rejected, rejectedBefore);
            rejected.Add(new(RejectReason.MalformedJson, string.Create(CultureInfo.InvariantCulture,
                $"not valid JSON at byte {reader.BytesConsumed}: {FirstSentence(e.Message)}"), device.Id));
        }
    }

    private static void DecodeOne(ref Utf8JsonReader reader, Device device, in DecodeContext ctx, int? index, ICollection<Reading> accepted, ICollection<Rejection> rejected)
    {
        ReadingError? error = null;
        Reading? reading = device switch
        {
            Station station => PvReadingParser.Parse(ref reader, station, ctx, ref error),
            Barn barn => BarnReadingParser.Parse(ref reader, barn, ctx, ref error),
            _ => throw new InvalidOperationException($"Unknown device type {device.GetType()}"),
        };
        if (reading is not null)
        {
            accepted.Add(reading);
        }
        else
        {
            rejected.Add(new(error!.Reason, error.Detail, device.Id, index));
        }
    }

    private static void RollBack<T>(ICollection<T> items, int count)
    {
        if (items is IList<T> list)
        {
            while (list.Count > count)
            {
                list.RemoveAt(list.Count - 1);
            }
        }
        else if (items.Count > count)
        {
            throw new InvalidOperationException("Decoder output collections must be lists to roll back a malformed payload.");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|', '.');
    }
}
