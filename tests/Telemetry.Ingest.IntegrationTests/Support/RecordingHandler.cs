namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>Passes requests on to a real server and keeps each one's method and URL.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<(HttpMethod Method, string Url)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!.ToString()));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
