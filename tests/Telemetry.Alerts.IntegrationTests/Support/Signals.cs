using Telemetry.Alerts.Detectors;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>Signals at device times counted in minutes from a fixed morning.</summary>
internal static class Signals
{
    public static readonly DateTimeOffset Morning = new(2026, 6, 21, 8, 0, 0, TimeSpan.FromHours(8));

    public static AlertSignal Raise(string device, string rule, AlertSeverity severity = AlertSeverity.Major, int minute = 0, string? message = null) =>
        new(device, rule, severity, true, Morning.AddMinutes(minute), message ?? $"{rule} on {device} at minute {minute}");

    public static AlertSignal Clear(string device, string rule, int minute) =>
        new(device, rule, AlertSeverity.Minor, false, Morning.AddMinutes(minute), $"{rule} on {device} cleared at minute {minute}");
}
