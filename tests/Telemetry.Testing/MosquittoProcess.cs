using System.Globalization;

namespace Telemetry.Testing;

/// <summary>
/// A real Debian <c>mosquitto</c> on a loopback port with its own config and persistence folder, which a test can stop
/// (SIGTERM, so it saves its sessions) and start again on the same port.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly ChildServer _server;

    private MosquittoProcess(int port, string folder)
    {
        Port = port;
        Folder = folder;
        var config = Path.Combine(folder, "mosquitto.conf");
        _server = new ChildServer(Executable, ["-c", config], StartTimeout, TimeSpan.FromMilliseconds(50));
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {folder}/
            autosave_interval 1
            # The defaults (1000 queued, 20 in flight) silently drop QoS 1 messages under load (research/tried-mqtt-rx.md).
            max_queued_messages 1000000
            max_inflight_messages 100
            log_dest file {folder}/mosquitto.log
            log_type error
            log_type warning
            log_type notice
            """));
    }

    public int Port { get; }

    public string Folder { get; }

    public static bool IsInstalled => File.Exists(Executable);

    public string Log => File.Exists(Path.Combine(Folder, "mosquitto.log")) ? File.ReadAllText(Path.Combine(Folder, "mosquitto.log")) : "";

    public static async Task<MosquittoProcess> StartAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's mosquitto (.ci/run does).");
        }

        var folder = Directory.CreateTempSubdirectory("telemetry-mosquitto-");
        // Started as root, mosquitto drops to the 'mosquitto' user: that user must be able to write its log and persistence file.
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode |= UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        }

        var broker = new MosquittoProcess(FreePort.Next(), folder.FullName);
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>True when something accepts TCP connections on the broker's port.</summary>
    public Task<bool> AcceptsAsync() => ChildServer.AcceptsAsync(Port);

    /// <summary>The running (or last) mosquitto's process id.</summary>
    public int ProcessId => _server.ProcessId;

    /// <summary>Starts the stopped server again on the same port and folder; throws if it is still running.</summary>
    public Task StartAgainAsync() =>
        _server.StartAsync(() => ChildServer.AcceptsAsync(Port), () => $"mosquitto did not listen on {Port}: {_server.Output} {Log}");

    /// <summary>SIGTERM: mosquitto writes its persistence file (sessions, queued QoS 1 messages) and exits.</summary>
    public Task StopAsync() => _server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true); // its config, log and persistence file (178 were left in /tmp before)
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temp folder is harmless
        }
    }
}
