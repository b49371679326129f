using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>
/// The real host (broker, ingest, SQLite, portal) on loopback ports chosen by the OS, with its data in a temporary
/// directory and the simulators off: the tests are the only devices.
/// </summary>
internal sealed class PortalHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly DirectoryInfo _data;

    private PortalHost(WebApplicationFactory<Program> factory, DirectoryInfo data, int brokerPort)
    {
        _factory = factory;
        _data = data;
        BrokerPort = brokerPort;
    }

    public int BrokerPort { get; }

    /// <summary>The temp folder that holds every file the host writes (its content root is the portal project's folder).</summary>
    public string DataFolder => _data.FullName;

    public Uri BaseUrl => _factory.ClientOptions.BaseAddress;

    /// <summary>The host's services (e.g. to play the detectors' part for the alerts board).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The demo fleet's device passwords derive from this seed (see <c>CredentialHasher.DeriveDevicePassword</c>).</summary>
    public const string CredentialSeed = "jincheng-demo-2026";

    public static PortalHost Start(string? environment = null)
    {
        var data = Directory.CreateTempSubdirectory("telemetry-portal-tests-");
        var brokerPort = FreeLoopbackPort();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Simulators:Enabled", "false");
            b.UseSetting("Broker:Port", brokerPort.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Broker:BindAddress", "127.0.0.1");
            b.UseSetting("Storage:Sqlite:Path", Path.Combine(data.FullName, "telemetry.db"));
            b.UseSetting("Alerts:DatabasePath", Path.Combine(data.FullName, "alerts.db"));
            b.UseSetting("Storage:Spool:Path", Path.Combine(data.FullName, "spool"));
            b.UseSetting("Revenue:LedgerPath", Path.Combine(data.FullName, "revenue.db"));
            b.UseSetting("Ingest:DeadLetterPath", "");
            if (environment is not null)
            {
                b.UseEnvironment(environment);
            }
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new PortalHost(factory, data, brokerPort);
    }

    /// <summary>A client of the real socket that does not follow redirects or keep cookies, so tests see both.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();

        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on a loaded machine; it is in the temp directory anyway.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
