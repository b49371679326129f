using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage.Spool;

namespace Telemetry.Ingest.IntegrationTests.Resilience;

/// <summary>An InfluxDB that never answers and a 1 MiB spool: ingest goes on, the oldest readings are dropped, loudly.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class SpoolFullTests : IAsyncLifetime
{
    private const long MaxBytes = 1024 * 1024;
    private readonly int _port = FreePort.Next();
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Broker:Port"] = _port.ToString(CultureInfo.InvariantCulture),
        ["Storage:Provider"] = "InfluxDB",
        ["Storage:InfluxDB:Url"] = $"http://127.0.0.1:{FreePort.Next()}", // nobody listens there
        ["Storage:InfluxDB:Version"] = "1",
        ["Storage:InfluxDB:MaxRetries"] = "0",
        ["Storage:Spool:MaxBytes"] = MaxBytes.ToString(CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StoreUnreachable_SpoolFull_DropsTheOldestCountsItAndReportsDegraded()
    {
        var spool = _host.Services.GetRequiredService<ReadingSpool>();
        var start = Payloads.RecentSecond(86_400);
        await using var device = await TestDevice.ConnectAsync(_port, "PV-V020");

        for (var m = 0; m < 250; m++)
        {
            var payload = Payloads.Array(Enumerable.Range(m * 100, 100).Select(i => Payloads.Pv(start.AddSeconds(i), 1, 100 + i)));
            var result = await device.PublishAsync("pv/PV-V020/telemetry", payload);
            Assert.True(result.IsSuccess, $"message {m}: {result.ReasonCode}"); // acknowledged: in the spool
        }

        var report = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["ingest"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("spool full", entry.Description, StringComparison.Ordinal);
        Assert.True(spool.DroppedReadings > 0);
        Assert.Equal(25_000, spool.Readings + spool.DroppedReadings);
        Assert.True(spool.Bytes <= MaxBytes, $"{spool.Bytes} bytes");
        Assert.Equal(spool.DroppedReadings, entry.Data["spoolDropped"]);
    }
}
