using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Telemetry.MicroBenchmarks.PortalScale;

/// <summary>
/// The real host (<c>Telemetry.Portal.dll</c> from this build, as <c>dotnet run --project portal</c> runs it) in a child
/// process on loopback ports, with the scale registry and store; simulators off, everything else as configured by default.
/// </summary>
internal sealed class PortalHostProcess : IAsyncDisposable
{
    private const int TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly Lock LogLock = new();
    private readonly Process _process;

    private PortalHostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static PortalHostProcess Start(string folder, string fleetPath, string databasePath, string revenuePlans, IEnumerable<string> extra)
    {
        var dll = FindPortal();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--environment", "Production",
            "--Fleet:Path", fleetPath,
            "--Storage:Sqlite:Path", databasePath,
            "--Simulators:Enabled", "false",
            "--Broker:Port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--Broker:BindAddress", "127.0.0.1",
            "--Ingest:DeadLetterPath", "",
            "--Alerts:DatabasePath", Path.Combine(folder, "alerts.db"),
            "--Revenue:LedgerPath", Path.Combine(folder, "revenue.db"),
            "--Revenue:PlansPath", revenuePlans,
            "--Logging:LogLevel:Default", "Warning",
            .. extra,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the portal host");
        var log = Path.Combine(folder, "host.log");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PortalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until <c>/healthz</c> answers 200 (the host has restored live state and started every service).</summary>
    public async Task<TimeSpan> WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {_process.ExitCode}; see host.log");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "healthz")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        throw new TimeoutException($"the host was not healthy within {timeout}");
    }

    /// <summary>Waits until the host is idle (under 5 % of a core over 2 s): start-up work such as the detectors' replay of
    /// stored readings runs in the background after <c>/healthz</c> turns healthy and would be counted against requests.</summary>
    public async Task<TimeSpan> WaitIdleAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var before = Cpu();
            await Task.Delay(2_000).ConfigureAwait(false);
            if ((Cpu() - before).TotalMilliseconds < 100)
            {
                return watch.Elapsed;
            }
        }

        return watch.Elapsed;
    }

    /// <summary>The host's CPU use while no request is made, ms per second, over <paramref name="span"/>.</summary>
    public async Task<double> IdleCpuPerSecondAsync(TimeSpan span)
    {
        var before = Cpu();
        await Task.Delay(span).ConfigureAwait(false);
        return (Cpu() - before).TotalMilliseconds / span.TotalSeconds;
    }

    /// <summary>CPU time the host has used so far (user + system, all threads), from /proc.</summary>
    public TimeSpan Cpu()
    {
        // /proc/{pid}/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)TicksPerSecond);
    }

    /// <summary>Resident and peak resident memory of the host, MiB (from /proc).</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024;
            }
        }

        return (rss, peak);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static double Kb(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static void Append(string path, string? line)
    {
        if (line is not null)
        {
            lock (LogLock)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    private static string FindPortal()
    {
        // artifacts/bin/Telemetry.MicroBenchmarks/<config>/ → artifacts/bin/Telemetry.Portal/<config>/Telemetry.Portal.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(here.Parent!.Parent!.FullName, "Telemetry.Portal", here.Name, "Telemetry.Portal.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the portal first (dotnet build -c Release): {dll} not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
