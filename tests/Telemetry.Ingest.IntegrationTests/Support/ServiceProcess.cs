using System.Diagnostics;
using System.Globalization;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>
/// The real service (<c>dotnet Telemetry.Portal.dll</c>, configured only through environment variables like docker-compose)
/// as a child process that a test can kill with SIGKILL and start again.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _process;

    public ServiceProcess(string folder, IReadOnlyDictionary<string, string> environment)
    {
        Folder = folder;
        Port = FreePort.Next();
        _environment = environment;
        _http.BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public string Folder { get; }

    public int Port { get; }

    public int Starts { get; private set; }

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private string LogPath => Path.Combine(Folder, "service.log");

    /// <summary>Starts the service and waits until <c>/healthz</c> says Healthy (broker connected, store writing).</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Telemetry.Portal.dll")])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("the service did not start");
        Starts++;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (await HealthAsync() != "Healthy")
        {
            if (_process.HasExited || watch.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"the service did not become healthy (exit: {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "running")}): {Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever was in flight is lost from memory.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async Task<string> HealthAsync()
    {
        try
        {
            return await _http.GetStringAsync(new Uri("healthz", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return "down";
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_environment)
            {
                File.AppendAllText(LogPath, line + "\n");
            }
        }
    }
}
