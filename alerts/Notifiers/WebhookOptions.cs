namespace Telemetry.Alerts.Notifiers;

/// <summary>The webhook notifier (section <c>Alerts:Webhook</c>): a JSON POST per alert change; off without a URL.</summary>
public sealed class WebhookOptions : DeliveryOptions
{
    public const string SectionName = "Alerts:Webhook";

    public WebhookOptions()
    {
        MaxAttempts = 8;
    }

    /// <summary>Absolute http(s) URL to POST <see cref="AlertNotification"/> JSON to; empty disables the webhook.</summary>
    public Uri? Url { get; set; }

    /// <summary>Headers sent with every POST, e.g. <c>Alerts:Webhook:Headers:Authorization</c> = <c>Bearer …</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
