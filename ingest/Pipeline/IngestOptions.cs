using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Telemetry.Core.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>The ingest path (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Most readings in one store transaction; the writer commits whatever is queued, up to this.</summary>
    [Range(1, 100_000)]
    public int MaxBatchReadings { get; set; } = 20_000;

    /// <summary>Payloads that may wait for the store before producers are slowed down (back-pressure).</summary>
    [Range(100, 1_000_000)]
    public int MaxQueuedPayloads { get; set; } = 20_000;

    /// <summary>A device is shown offline after this many cadences without a reading, even without a Last Will.</summary>
    [Range(1.5, 100)]
    public double SilenceCadences { get; set; } = 3;

    /// <summary>Rejected payloads are appended here (JSON lines); relative to the content root. Empty to disable.</summary>
    public string DeadLetterPath { get; set; } = "data/deadletter.jsonl";

    /// <summary>The dead-letter file is rotated (one old copy kept) when it grows past this.</summary>
    [Range(1_024, 1_073_741_824)]
    public long DeadLetterMaxBytes { get; set; } = 16 * 1024 * 1024;

    [Required]
    [ValidateObjectMembers]
    public TelemetryDecoderOptions Validation { get; set; } = new();
}
