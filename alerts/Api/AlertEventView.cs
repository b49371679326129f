using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.Api;

/// <summary>A history entry in the API.</summary>
internal sealed record AlertEventView(long Id, string Kind, DateTimeOffset At, string? By, string? Text, string? Severity, string? Channel)
{
    public static AlertEventView From(AlertEvent e) =>
        new(e.Id, WireNames.Of(e.Kind), e.At, e.By, e.Text, e.Severity is { } s ? WireNames.Of(s) : null, e.Channel);
}
