using Microsoft.Extensions.Options;
using Telemetry.Alerts.IntegrationTests.Support;

namespace Telemetry.Alerts.IntegrationTests.Notifiers;

/// <summary>A bad notifier setting stops the host at start with a message that names it.</summary>
public sealed class NotifierOptionsTests
{
    [Theory]
    [InlineData("Alerts:Webhook:Url", "ftp://crews.example/hook", "Alerts:Webhook:Url must be an absolute http or https URL")]
    [InlineData("Alerts:Webhook:InitialBackoff", "00:00:00", "InitialBackoff")]
    [InlineData("Alerts:Webhook:MaxAttempts", "-1", "MaxAttempts")]
    [InlineData("Alerts:Mqtt:Timeout", "00:00:00", "Timeout")]
    public async Task InvalidSetting_StopsTheHostNamingIt(string key, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("telemetry-alerts-options-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { [key] = value, ["Alerts:Webhook:Url"] = key == "Alerts:Webhook:Url" ? value : "http://127.0.0.1:9/hook" };

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AlertsHost.StartAsync(settings, folder));

            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
