using System.Diagnostics;
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
    private readonly string _config;
    private Process? _process;

    private InfluxProcess(int port, string folder)
    {
        Port = port;
        Folder = folder;
        _config = Path.Combine(folder, "influxdb.conf");
        var rpc = FreePort.Next();
        File.WriteAllText(_config, string.Create(CultureInfo.InvariantCulture, $"""
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

    public string Log => File.Exists(Path.Combine(Folder, "influxd.log")) ? File.ReadAllText(Path.Combine(Folder, "influxd.log")) : "";

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
        var info = new ProcessStartInfo(Executable, ["-config", _config]) { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(info) ?? throw new InvalidOperationException("influxd did not start");
        var log = Path.Combine(Folder, "influxd.log");
        _process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        _process.OutputDataReceived += (_, e) => Append(log, e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (!await PingAsync(http))
        {
            if (_process.HasExited || watch.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"influxd did not answer /ping on {Port}: {Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>SIGTERM: influxd closes its shards and WAL and exits; the port refuses connections until started again.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private static void Append(string path, string? line)
    {
        if (line is not null)
        {
            lock (typeof(InfluxProcess))
            {
                File.AppendAllText(path, line + "\n");
            }
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
