using System.Diagnostics;
using Telemetry.Testing;

namespace Telemetry.Benchmarks.Storage;

/// <summary>
/// Debian's influxd on a free loopback port with its data in a temp folder, for the duration of the benchmark (the tests'
/// <see cref="InfluxProcess"/>), plus the CPU time it uses.
/// </summary>
internal sealed class InfluxServer : IAsyncDisposable
{
    private readonly InfluxProcess _influx;
    private readonly Process _process;

    private InfluxServer(InfluxProcess influx)
    {
        _influx = influx;
        _process = Process.GetProcessById(influx.ProcessId);
    }

    public string Url => _influx.Url;

    public int ProcessId => _process.Id;

    public static async Task<InfluxServer> StartAsync() => new(await InfluxProcess.StartAsync());

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
        _process.Dispose();
        await _influx.DisposeAsync();
    }
}
