using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors;

/// <summary>One event of one device: a stored reading, or a status message.</summary>
/// <param name="Device">The device.</param>
/// <param name="Reading">The reading when <paramref name="Liveness"/> is <see cref="Liveness.Reading"/>; null otherwise.</param>
/// <param name="Liveness">What happened.</param>
internal readonly record struct DeviceInput(Device Device, Reading? Reading, Liveness Liveness);
