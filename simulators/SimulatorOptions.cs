using System.ComponentModel.DataAnnotations;

namespace Telemetry.Simulators;

/// <summary>Configuration section <c>Simulators</c>: which devices to simulate, against which broker, how fast.</summary>
public sealed class SimulatorOptions : IValidatableObject
{
    public const string SectionName = "Simulators";

    /// <summary>When false, nothing is simulated (the host registers no simulator service).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Broker host; null means 127.0.0.1.</summary>
    public string? Host { get; set; }

    /// <summary>Broker port; null means <c>Broker:Port</c>, or 1883.</summary>
    [Range(1, 65_535)]
    public int? Port { get; set; }

    /// <summary>Topic prefix (empty or ending in '/'); null means <c>Broker:TopicPrefix</c>, or none.</summary>
    public string? TopicPrefix { get; set; }

    /// <summary>Seed of the demo devices' passwords (<c>CredentialHasher.DeriveDevicePassword</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string CredentialSeed { get; set; } = "jincheng-demo-2026";

    /// <summary>Reporting interval for every device, seconds; null means each device's registry cadence.</summary>
    [Range(1, 3_600)]
    public int? CadenceSeconds { get; set; }

    /// <summary>Fast-forward factor: 60 runs one simulated minute per real second until simulated time catches up with now.</summary>
    [Range(1.0, 1_000_000.0)]
    public double Speed { get; set; } = 1;

    /// <summary>Simulated start (past); null means now, or one day ago when <see cref="Speed"/> is above 1.</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>Hours of history each device first replays in batches of up to 60 readings, as a logger does after an outage.</summary>
    [Range(0.0, 24.0 * 30)]
    public double BackfillHours { get; set; } = 6;

    /// <summary>Simulate only the first N devices of the registry (stations first, then barns).</summary>
    [Range(1, int.MaxValue)]
    public int? DeviceLimit { get; set; }

    /// <summary>Seed of the weather and noise; the same seed gives the same readings.</summary>
    public int RandomSeed { get; set; } = 2026;

    /// <summary>Unacknowledged readings each device keeps before dropping the oldest (a logger's buffer).</summary>
    [Range(10, 10_000_000)]
    public int OutboxCapacity { get; set; } = 50_000;

    /// <summary>Retry publishes the broker acknowledged with "no matching subscribers" (MQTT 5), e.g. while ingest is down.</summary>
    public bool RequireSubscribers { get; set; }

    /// <summary>Faults to inject (section <c>Simulators:Faults</c>), relative to the simulated start; see docs/alerts.md.</summary>
    public List<Faults.SimulatorFaultOptions> Faults { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (fault, i) in Faults.Select((f, i) => (f, i)))
        {
            if (!Telemetry.Simulators.Faults.FaultTypes.All.Contains(fault.Type))
            {
                yield return new ValidationResult($"{SectionName}:{nameof(Faults)}:{i}:Type '{fault.Type}' is not one of {string.Join(", ", Telemetry.Simulators.Faults.FaultTypes.All)}.", [nameof(Faults)]);
            }
        }

        if (TopicPrefix is { Length: > 0 } prefix && (!prefix.EndsWith('/') || prefix.Contains('+') || prefix.Contains('#')))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(TopicPrefix)} '{prefix}' must be empty or end with '/' and contain no wildcards.", [nameof(TopicPrefix)]);
        }

        if (Host is { } host && string.IsNullOrWhiteSpace(host))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Host)} must not be blank.", [nameof(Host)]);
        }
    }
}
