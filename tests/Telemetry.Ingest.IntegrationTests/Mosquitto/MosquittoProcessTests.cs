namespace Telemetry.Ingest.IntegrationTests.Mosquitto;

/// <summary>The restartable Mosquitto the resilience tests rely on: a "restart" must really stop and start the server.</summary>
public sealed class MosquittoProcessTests
{
    [Fact]
    public async Task StartAgain_WhileRunning_Throws_AndAfterAStopStartsAFreshServer()
    {
        await using var broker = await MosquittoProcess.StartAsync();
        var first = broker.ProcessId;

        // A second mosquitto would fail to bind the port while the first one kept answering the readiness probe.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(broker.StartAgainAsync);
        Assert.Contains("still running", e.Message, StringComparison.Ordinal);
        Assert.Equal(first, broker.ProcessId);

        await broker.StopAsync();
        Assert.False(await broker.AcceptsAsync());
        await broker.StartAgainAsync();
        Assert.NotEqual(first, broker.ProcessId);
        Assert.True(await broker.AcceptsAsync());
    }
}
