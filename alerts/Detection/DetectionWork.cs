using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Alerts.Detection;

/// <summary>One unit of input queued for the detection thread: a stored batch or a status message.</summary>
internal readonly record struct DetectionWork(IReadOnlyList<Reading>? Batch, DeviceStatusChange? Status);
