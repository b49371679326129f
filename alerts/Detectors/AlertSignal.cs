namespace Telemetry.Alerts.Detectors;

/// <summary>
/// What a detector says about one (device, rule): the condition holds (<see cref="Active"/> true, possibly with a new
/// severity) or it has cleared. Detectors emit a signal only when something changes; the alert lifecycle turns signals
/// into alerts (one open alert per device and rule).
/// </summary>
/// <param name="DeviceId">The registered device the problem is about.</param>
/// <param name="Rule">Stable rule id, e.g. <c>pv.offline</c>, <c>barn.nh3.high</c> (see <see cref="AlertRules"/>).</param>
/// <param name="Severity">Severity while active; ignored for a clear.</param>
/// <param name="Active">True when the condition holds, false when it has cleared.</param>
/// <param name="At">Device time at which the condition was established or cleared (wall time only for silence).</param>
/// <param name="Message">A sentence for the crew: what is wrong, with the values that show it.</param>
public sealed record AlertSignal(string DeviceId, string Rule, AlertSeverity Severity, bool Active, DateTimeOffset At, string Message);
