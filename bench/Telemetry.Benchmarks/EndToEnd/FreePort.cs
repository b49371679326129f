using System.Net;
using System.Net.Sockets;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>A free loopback TCP port (bound to 0 and released).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
