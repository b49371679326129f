using Telemetry.Alerts.Detectors;

namespace Telemetry.Simulators.Evaluation;

/// <summary>A detector signal and the (virtual) wall-clock time it was emitted.</summary>
/// <param name="Signal">The signal.</param>
/// <param name="EmittedAt">Scheduler time at emission: when a crew would have learnt it.</param>
internal readonly record struct DetectedSignal(AlertSignal Signal, DateTimeOffset EmittedAt);
