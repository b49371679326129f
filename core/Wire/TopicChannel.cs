namespace Telemetry.Core.Wire;

/// <summary>The last topic segment: what a device publishes there.</summary>
public enum TopicChannel
{
    /// <summary><c>telemetry</c>: readings.</summary>
    Telemetry,

    /// <summary><c>status</c>: retained <c>online</c>/<c>offline</c>; <c>offline</c> is the Last Will.</summary>
    Status,
}
