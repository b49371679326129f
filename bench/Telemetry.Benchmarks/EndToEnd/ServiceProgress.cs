namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>One poll of the service's <c>/api/stats</c>: what it stored, its store batches and the detectors' backlog.</summary>
internal readonly record struct ServiceProgress(long Stored, long Batches, double StoreWriteSeconds, long DetectionBacklog);
