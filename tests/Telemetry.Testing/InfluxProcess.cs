using System.Globalization;

namespace Telemetry.Testing;

/// <summary>
/// A real Debian <c>influxd</c> 1.6 on a free loopback port, with its config, meta, data and WAL in a temp folder (every other
/// service off or on loopback), which a test can stop (SIGTERM) and start again on the same port with the same data.
/// </summary>
public sealed class InfluxProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/influxd";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly ChildServer _server;

    private InfluxProcess(int port, string folder)
    {
        Port = port;
        Folder = folder;
        var config = Path.Combine(folder, "influxdb.conf");
        _server = new ChildServer(Executable, ["-config", config], StartTimeout, TimeSpan.FromMilliseconds(100));
        var rpc = FreePort.Next();
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{rpc}"
            [meta]
              dir = "{folder}/meta"
            [data]
              dir = "{folder}/data"
              wal-dir = "{folder}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              enabled = true
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
              pprof-enabled = false
              max-row-limit = 0
            [ifql]
              enabled = false
            [logging]
              level = "warn"
            [subscriber]
              enabled = false
            [continuous_queries]
              enabled = false
            """));
    }

    public int Port { get; }

    public string Folder { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>What influxd wrote to its standard output and error, over every start.</summary>
    public string Log => _server.Output;

    /// <summary>The process id of the influxd started last (e.g. to sample its CPU time).</summary>
    public int ProcessId => _server.ProcessId;

    public static async Task<InfluxProcess> StartAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's influxdb (.ci/run does).");
        }

        var server = new InfluxProcess(FreePort.Next(), Directory.CreateTempSubdirectory("telemetry-influxd-").FullName);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await _server.StartAsync(() => PingAsync(http), () => $"influxd did not answer /ping on {Port}: {Log}");
    }

    /// <summary>SIGTERM: influxd closes its shards and WAL and exits; the port refuses connections until started again.</summary>
    public Task StopAsync() => _server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private async Task<bool> PingAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"{Url}/ping"));
            return response.StatusCode == System.Net.HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
