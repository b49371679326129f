using System.Diagnostics;
using System.Text.Json;
using MQTTnet;

namespace Telemetry.Simulators.Load;

/// <summary>
/// <c>simulators load</c>: the load generator of the end-to-end benchmark (bench/run). Paced mode: <c>--devices</c>
/// devices publish <c>--rate</c> readings/s in total (0 = as fast as acknowledged) for <c>--duration</c> seconds,
/// <c>--per-message</c> readings a message, optionally injecting faults and timing their alerts. Sweep mode
/// (<c>--sweep M</c>): every device connects, sends M messages and disconnects. <c>--write-fleet path</c> writes the
/// matching registry (<see cref="BenchFleet"/>). Progress is printed as one JSON object every 250 ms, then a final one.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--write-fleet", var path, "--fleet-size", var size])
        {
            BenchFleet.Write(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), path);
            return 0;
        }

        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        var counters = new LoadCounters();
        var factory = new MqttClientFactory();
        var devices = Enumerable.Range(options.First, options.Devices).Select(i => new LoadDevice(i, options, counters)).ToArray();
        await using var watcher = new AlertWatcher(options);
        if (options.AlertsPerSecond > 0)
        {
            await watcher.StartAsync(factory, CancellationToken.None).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var progress = ReportAsync(clock, counters, watcher, stop.Token);
        if (options.SweepMessages > 0)
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallelism }, async (device, ct) =>
            {
                using var client = await device.ConnectAsync(factory, ct).ConfigureAwait(false);
                if (client is not null)
                {
                    await device.RunAsync(client, clock, TimeSpan.Zero, TimeSpan.Zero, options.SweepMessages, ct).ConfigureAwait(false);
                    await client.DisconnectAsync(cancellationToken: ct).ConfigureAwait(false);
                    counters.ConnectionClosed();
                }
            }).ConfigureAwait(false);
        }
        else
        {
            await PacedAsync(options, devices, factory, counters, watcher, clock).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await progress.ConfigureAwait(false);
        if (options.AlertsPerSecond > 0)
        {
            await WaitForAlertsAsync(watcher).ConfigureAwait(false);
        }

        Print(clock, counters, watcher, final: true);
        return 0;
    }

    private static async Task PacedAsync(LoadOptions options, LoadDevice[] devices, MqttClientFactory factory, LoadCounters counters, AlertWatcher watcher, Stopwatch clock)
    {
        var clients = new IMqttClient?[devices.Length];
        await Parallel.ForAsync(0, devices.Length, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallelism }, async (i, ct) =>
            clients[i] = await devices[i].ConnectAsync(factory, ct).ConfigureAwait(false)).ConfigureAwait(false);
        var period = options.Rate > 0 ? TimeSpan.FromSeconds(devices.Length * options.PerMessage / options.Rate) : TimeSpan.Zero;
        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(options.DurationSeconds));
        var start = clock.Elapsed;
        var loops = devices.Select((d, i) => clients[i] is { } c
            ? Task.Run(() => d.RunAsync(c, clock, start + (period * i / devices.Length), period, int.MaxValue, run.Token))
            : Task.CompletedTask).ToList();
        if (options.AlertsPerSecond > 0)
        {
            loops.Add(InjectAsync(options, devices, watcher, run.Token));
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        foreach (var client in clients.OfType<IMqttClient>())
        {
            try
            {
                await client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // already gone
            }

            client.Dispose();
            counters.ConnectionClosed();
        }
    }

    /// <summary>Marks a fault on a new station at a fixed rate, after the warm-up.</summary>
    private static async Task InjectAsync(LoadOptions options, LoadDevice[] devices, AlertWatcher watcher, CancellationToken ct)
    {
        var stations = devices.Where(d => d.IsStation).ToArray();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.AlertDelaySeconds), ct).ConfigureAwait(false);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.AlertsPerSecond));
            for (var next = 0; next < stations.Length && await timer.WaitForNextTickAsync(ct).ConfigureAwait(false); next++)
            {
                watcher.Inject(stations[next]);
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    private static async Task WaitForAlertsAsync(AlertWatcher watcher)
    {
        for (var i = 0; i < 100 && watcher.Seen < watcher.Injected; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
    }

    private static async Task ReportAsync(Stopwatch clock, LoadCounters counters, AlertWatcher watcher, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                Print(clock, counters, watcher, final: false);
            }
        }
        catch (OperationCanceledException)
        {
            // done
        }
    }

    private static void Print(Stopwatch clock, LoadCounters counters, AlertWatcher watcher, bool final)
    {
        var line = new Dictionary<string, object>
        {
            ["t"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["final"] = final,
            ["messagesAcked"] = counters.MessagesAcked,
            ["readingsAcked"] = counters.ReadingsAcked,
            ["readingsRejected"] = counters.ReadingsRejected,
            ["readingsFailed"] = counters.ReadingsFailed,
            ["connected"] = counters.Connected,
            ["connectFailures"] = counters.ConnectFailures,
            ["alertsInjected"] = watcher.Injected,
            ["alertsSeen"] = watcher.Seen,
            ["cpuSeconds"] = Math.Round(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, 3),
        };
        if (final)
        {
            line["alertLatenciesMs"] = watcher.LatenciesMs.ToArray();
        }

        Console.WriteLine(JsonSerializer.Serialize(line));
    }
}
