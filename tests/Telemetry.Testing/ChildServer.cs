using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Telemetry.Testing;

/// <summary>
/// A server executable run as a child process (a real Debian daemon on a loopback port): started and awaited until it answers,
/// stopped gracefully with SIGTERM, started again with the same command line, killed on dispose if still running. Its standard
/// output and error are kept, across restarts, in <see cref="Output"/>.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly string _executable;
    private readonly string[] _arguments;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _poll;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="executable">The server's path.</param>
    /// <param name="arguments">Its command line (usually the config file).</param>
    /// <param name="timeout">How long it may take to answer after a start, and to exit after SIGTERM.</param>
    /// <param name="poll">The pause between two readiness probes.</param>
    public ChildServer(string executable, string[] arguments, TimeSpan timeout, TimeSpan poll)
    {
        _executable = executable;
        _arguments = arguments;
        _timeout = timeout;
        _poll = poll;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"{_executable} was never started");

    /// <summary>True when something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> AcceptsAsync(int port)
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

    /// <summary>Starts the executable and probes <paramref name="ready"/> until it says yes.</summary>
    /// <param name="ready">The readiness probe, e.g. <see cref="AcceptsAsync"/> on the server's port.</param>
    /// <param name="failure">The message of the exception thrown when the server exits or the timeout passes first.</param>
    /// <exception cref="InvalidOperationException">The server is still running: a second copy would fail to bind its port while the
    /// probe found the first one answering, so a "restart" would silently be no restart.</exception>
    public async Task StartAsync(Func<Task<bool>> ready, Func<string> failure)
    {
        if (_process is { HasExited: false } running)
        {
            throw new InvalidOperationException($"{_executable} (pid {running.Id}) is still running; stop it before starting it again");
        }

        _process?.Dispose();
        var info = new ProcessStartInfo(_executable, _arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = _process = Process.Start(info) ?? throw new InvalidOperationException($"{_executable} did not start");
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var watch = Stopwatch.StartNew();
        while (!await ready())
        {
            if (process.HasExited || watch.Elapsed > _timeout)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync(); // its last lines of output
                }

                throw new InvalidOperationException(failure());
            }

            await Task.Delay(_poll);
        }
    }

    /// <summary>SIGTERM, then waits (at most the timeout) until the server has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(_timeout);
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
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
