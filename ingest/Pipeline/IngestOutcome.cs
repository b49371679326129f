namespace Telemetry.Ingest.Pipeline;

/// <summary>What became of one MQTT message: readings stored and readings (or the whole payload) rejected.</summary>
public readonly record struct IngestOutcome(int Stored, int Rejected);
