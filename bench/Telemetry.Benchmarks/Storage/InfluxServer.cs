using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Telemetry.Benchmarks.Storage;

/// <summary>Debian's influxd on a free loopback port with its data in a temp folder, for the duration of the benchmark.</summary>
internal sealed class InfluxServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private InfluxServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<InfluxServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("telemetry-bench-influxd-").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "influxdb.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{FreePort()}"
            [meta]
              dir = "{folder}/meta"
            [data]
              dir = "{folder}/data"
              wal-dir = "{folder}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
            [ifql]
              enabled = false
            [logging]
              level = "warn"
            [subscriber]
              enabled = false
            [continuous_queries]
              enabled = false
            """));
        var process = Process.Start(new ProcessStartInfo("/usr/bin/influxd", ["-config", config]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("influxd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new InfluxServer(process, folder, port);
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ping = await http.GetAsync(new Uri(server.Url + "/ping"));
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (watch.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }
    }

    /// <summary>CPU seconds influxd has used so far (user + system).</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Waits (at most 20 s) until influxd uses under 5 % of a core, i.e. its background compactions are done.</summary>
    public async Task QuiesceAsync()
    {
        var watch = Stopwatch.StartNew();
        var before = CpuSeconds();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(500);
            var now = CpuSeconds();
            if (now - before < 0.025)
            {
                return;
            }

            before = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
