using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Api;

/// <summary>The whole host (portal Program) with the Jincheng fleet and plans, temp files, no simulators, a loopback broker, the clock at 2026-05-10.</summary>
public sealed class RevenueHostFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-revenue-key";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "telemetry-revenue-api", Guid.NewGuid().ToString("N"));

    internal FixedTimeProvider Time { get; } = new(MeterScript.At(new DateOnly(2026, 5, 10), 10));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("Simulators:Enabled", "false");
        builder.UseSetting("Broker:Port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Broker:BindAddress", "127.0.0.1");
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "telemetry.db"));
        builder.UseSetting("Storage:Sqlite:Synchronous", "Normal");
        builder.UseSetting("Ingest:DeadLetterPath", Path.Combine(_folder, "deadletter.jsonl"));
        builder.UseSetting("Revenue:LedgerPath", Path.Combine(_folder, "revenue.db"));
        builder.UseSetting("Alerts:DatabasePath", Path.Combine(_folder, "alerts.db"));
        builder.UseSetting("Storage:Spool:Path", Path.Combine(_folder, "spool"));
        builder.UseSetting("Revenue:ApiKey", ApiKey);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a lingering handle; the temp folder is harmless
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
