using Telemetry.Core.Fleet;

namespace Telemetry.Core.Wire;

/// <summary>
/// Device topics: <c>{prefix}pv/{stationId}/telemetry</c>, <c>{prefix}barn/{barnId}/telemetry</c> and
/// <c>{prefix}{pv|barn}/{id}/status</c>. The prefix is empty or ends with '/'.
/// </summary>
public sealed class TelemetryTopics
{
    public TelemetryTopics(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            throw new ArgumentException("A topic prefix must be empty or end with '/'.", nameof(prefix));
        }

        if (prefix.Contains('+') || prefix.Contains('#'))
        {
            throw new ArgumentException("A topic prefix cannot contain MQTT wildcards.", nameof(prefix));
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>Filters that match every device's telemetry and status.</summary>
    public IReadOnlyList<string> DeviceFilters => [Prefix + "pv/+/+", Prefix + "barn/+/+"];

    public string Telemetry(DeviceKind kind, string deviceId) => $"{Prefix}{Segment(kind)}/{deviceId}/telemetry";

    public string Status(DeviceKind kind, string deviceId) => $"{Prefix}{Segment(kind)}/{deviceId}/status";

    /// <summary>Where rejected payloads are republished, with the reason as the last segment.</summary>
    public string DeadLetter(RejectReason reason) => $"{Prefix}deadletter/{reason}";

    /// <summary>Splits a device topic without allocating; false when the topic is not a device topic.</summary>
    public bool TryParse(string topic, out DeviceKind kind, out ReadOnlySpan<char> deviceId, out TopicChannel channel)
    {
        kind = default;
        deviceId = default;
        channel = default;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Prefix.Length);
        if (rest.StartsWith("pv/"))
        {
            kind = DeviceKind.Pv;
            rest = rest[3..];
        }
        else if (rest.StartsWith("barn/"))
        {
            kind = DeviceKind.Barn;
            rest = rest[5..];
        }
        else
        {
            return false;
        }

        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        deviceId = rest[..slash];
        var last = rest[(slash + 1)..];
        if (last.SequenceEqual("telemetry"))
        {
            channel = TopicChannel.Telemetry;
            return true;
        }

        if (last.SequenceEqual("status"))
        {
            channel = TopicChannel.Status;
            return true;
        }

        return false;
    }

    public static string Segment(DeviceKind kind) => kind == DeviceKind.Pv ? "pv" : "barn";
}
