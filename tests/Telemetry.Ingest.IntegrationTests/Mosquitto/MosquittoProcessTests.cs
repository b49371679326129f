using System.Net.Sockets;

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
        Assert.False(await AcceptsAsync(broker.Port));
        await broker.StartAgainAsync();
        Assert.NotEqual(first, broker.ProcessId);
        Assert.True(await AcceptsAsync(broker.Port));
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
