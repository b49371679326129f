using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Telemetry.Alerts.Notifiers;

/// <summary>
/// POSTs each alert change as JSON to <c>Alerts:Webhook:Url</c>; anything but a 2xx answer is a failed attempt.
/// Receivers may see a change twice after a timeout; (<c>alertId</c>, <c>event</c>, <c>at</c>) identifies it.
/// </summary>
internal sealed class WebhookAlertNotifier(IHttpClientFactory clients, IOptions<WebhookOptions> options) : IAlertNotifier
{
    public const string ChannelName = "webhook";
    public const string HttpClientName = "Telemetry.Alerts.Webhook";

    public string Channel => ChannelName;

    public bool LatestStateOnly => false;

    public async Task DeliverAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var url = options.Value.Url ?? throw new InvalidOperationException("Alerts:Webhook:Url is not set");
        using var client = clients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(notification, options: AlertJson.Options) };
        foreach (var (name, value) in options.Value.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from the webhook", null, response.StatusCode);
        }
    }
}
