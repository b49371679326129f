namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>One influxd shared by a test collection; each test uses its own database.</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private InfluxProcess? _server;

    internal InfluxProcess Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await InfluxProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
