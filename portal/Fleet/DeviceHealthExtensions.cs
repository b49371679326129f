namespace Telemetry.Portal.Fleet;

/// <summary>Stable, language-independent names of <see cref="DeviceHealth"/> for CSS classes and test hooks.</summary>
public static class DeviceHealthExtensions
{
    public static string ToKey(this DeviceHealth health) => health switch
    {
        DeviceHealth.Online => "online",
        DeviceHealth.Warning => "warning",
        DeviceHealth.Offline => "offline",
        _ => "nodata",
    };
}
