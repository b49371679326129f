using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Fleet;

/// <summary>A device that passed the overview's filters, with its health computed once and its registry index at hand.</summary>
internal readonly record struct TableItem(DeviceSnapshot Snapshot, DeviceHealth Health, int Index);
