using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Broker;

/// <summary>The MQTT broker (configuration section <c>Broker</c>).</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Embedded: the port to listen on. External: the broker's port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Embedded: the IPv4 address to listen on (<c>0.0.0.0</c> for all, <c>127.0.0.1</c> for this machine only).</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>External: the broker's host name.</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>External: this service's MQTT username, if the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>External: this service's MQTT password.</summary>
    public string? Password { get; set; }

    /// <summary>External: connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>External: accept a broker certificate that does not validate (self-signed test brokers only).</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>Prefix before <c>pv/…</c> and <c>barn/…</c> topics; empty or ending in '/'.</summary>
    [RegularExpression(@"^([^#+]*/)?$", ErrorMessage = "Broker:TopicPrefix must be empty or end with '/' and contain no wildcards")]
    public string TopicPrefix { get; set; } = "";

    /// <summary>External: the client id; with a persistent session it must be stable and unique per instance.</summary>
    [Required]
    public string ClientId { get; set; } = "telemetry-ingest";

    /// <summary>External: MQTT 5 shared-subscription group for telemetry (<c>$share/{group}/…</c>) to split load across instances.</summary>
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>External: how long the broker keeps our session (and queues QoS 1 messages) while we are away.</summary>
    [Range(0, 30 * 86_400)]
    public int SessionExpirySeconds { get; set; } = 86_400;

    /// <summary>
    /// External: how many unacknowledged messages the broker may have in flight to us (MQTT 5 Receive Maximum). Not every
    /// broker keeps to it: Mosquitto 2.0.11 had over 100,000 in flight in bench/run, so ingest also stops taking messages
    /// while its write queue is full (<see cref="Pipeline.IngestOptions.MaxQueuedPayloads"/>).
    /// </summary>
    [Range(1, 65_535)]
    public int ReceiveMaximum { get; set; } = 2_000;

    /// <summary>Embedded: per-client queue length. MQTTnet's default (1000) silently drops messages under load.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 250_000;

    /// <summary>Embedded: whether accepted telemetry is also routed to subscribers (dashboards, other roles); costs a copy per message.</summary>
    public bool RouteTelemetry { get; set; }

    /// <summary>Embedded: non-device logins.</summary>
    [ValidateEnumeratedItems]
    public List<BrokerAccount> Accounts { get; set; } = [];
}
