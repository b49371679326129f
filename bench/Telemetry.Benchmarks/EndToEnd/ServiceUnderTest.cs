using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>
/// The service as a separate process (<c>dotnet Telemetry.Portal.dll</c>, configured by environment variables as in
/// docker-compose), with its HTTP port, its statistics and a count of what its store holds.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string? _sqlitePath;
    private readonly string? _influxUrl;

    private ServiceUnderTest(ChildProcess process, int httpPort, string? sqlitePath, string? influxUrl)
    {
        Process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        _sqlitePath = sqlitePath;
        _influxUrl = influxUrl;
    }

    public ChildProcess Process { get; }

    /// <summary>Seconds from start until <c>/healthz</c> said Healthy.</summary>
    public double HealthySeconds { get; private set; }

    /// <summary>Seconds from start until the process went idle (start-up work such as restoring live state done).</summary>
    public double SettledSeconds { get; private set; }

    public double SettledRssMb { get; private set; }

    public static async Task<ServiceUnderTest> StartAsync(E2eSettings settings, string name, IReadOnlyDictionary<string, string> environment, string? sqlitePath, string? influxUrl)
    {
        var httpPort = FreePort.Next();
        var env = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Simulators__Enabled"] = "false",
            ["Revenue__PlansPath"] = "",
        };
        var process = ChildProcess.Start(name, [settings.PortalDll], env, settings.Work, Path.Combine(settings.Work, name + ".log"));
        var service = new ServiceUnderTest(process, httpPort, sqlitePath, influxUrl);
        var watch = Stopwatch.StartNew();
        while (await service.HealthAsync() != "Healthy")
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                await service.DisposeAsync();
                throw new InvalidOperationException($"the service did not become healthy; see {Path.Combine(settings.Work, name + ".log")}");
            }

            await Task.Delay(250);
        }

        service.HealthySeconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        await service.WaitIdleAsync(TimeSpan.FromMinutes(3));
        service.SettledSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        service.SettledRssMb = Math.Round(process.Sample().RssMb, 1);
        return service;
    }

    public JsonObject StartupJson() => new()
    {
        ["healthySeconds"] = HealthySeconds,
        ["settledSeconds"] = SettledSeconds,
        ["settledRssMb"] = SettledRssMb,
    };

    /// <summary>
    /// Waits until the service uses less than 5 % of a core over two seconds: start-up work (restoring live state,
    /// seeding today's revenue) or the tail of the last run is then done and does not count against the next run.
    /// </summary>
    public async Task WaitIdleAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var window = new Queue<(double T, double Cpu)>();
        while (watch.Elapsed < timeout && !Process.HasExited)
        {
            var now = (watch.Elapsed.TotalSeconds, Process.Sample().CpuSeconds);
            window.Enqueue(now);
            while (window.Count > 1 && now.TotalSeconds - window.Peek().T > 2)
            {
                var first = window.Peek();
                if ((now.CpuSeconds - first.Cpu) / (now.TotalSeconds - first.T) < 0.05)
                {
                    return;
                }

                window.Dequeue();
            }

            await Task.Delay(250);
        }
    }

    public async Task<JsonObject> StatsAsync() => (JsonObject)JsonNode.Parse(await _http.GetStringAsync(new Uri("api/stats", UriKind.Relative)))!;

    public async Task<ServiceProgress> ProgressAsync()
    {
        var stats = await StatsAsync();
        return new ServiceProgress(stats["readingsStored"]!.GetValue<long>(), stats["batchesWritten"]!.GetValue<long>(),
            stats["storeWriteSeconds"]?.GetValue<double>() ?? 0, stats["alertDetection"]?["backlog"]?.GetValue<long>() ?? 0);
    }

    public async Task<long> StoredAsync() => (await ProgressAsync()).Stored;

    /// <summary>The cumulative device-time-to-stored histogram (ms → count) and the count beyond it.</summary>
    public async Task<(Dictionary<long, long> Buckets, long Beyond)> LatencyAsync()
    {
        var json = JsonNode.Parse(await _http.GetStringAsync(new Uri("api/stats/latency", UriKind.Relative)))!;
        var buckets = json["buckets"]!.AsArray().ToDictionary(b => b![0]!.GetValue<long>(), b => b![1]!.GetValue<long>());
        return (buckets, json["older"]!.GetValue<long>());
    }

    /// <summary>How many distinct readings (device, device time) the store holds with device time in [from, to).</summary>
    public async Task<long> CountStoredAsync(long fromMs, long toMs)
    {
        if (_sqlitePath is not null)
        {
            await using var connection = new SqliteConnection($"Data Source={_sqlitePath};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM pv_readings WHERE ts >= $a AND ts < $b) + (SELECT count(*) FROM barn_readings WHERE ts >= $a AND ts < $b)";
            command.Parameters.AddWithValue("$a", fromMs);
            command.Parameters.AddWithValue("$b", toMs);
            command.CommandTimeout = 600;
            return (long)(await command.ExecuteScalarAsync())!;
        }

        long total = 0;
        foreach (var (measurement, field) in new[] { ("pv", "p_ac_kw"), ("barn", "t_c") })
        {
            var q = string.Create(CultureInfo.InvariantCulture, $"SELECT count({field}) FROM {measurement} WHERE time >= {fromMs}ms AND time < {toMs}ms");
            var json = JsonNode.Parse(await _http.GetStringAsync(new Uri($"{_influxUrl}/query?db=telemetry&epoch=ms&q={Uri.EscapeDataString(q)}")))!;
            var values = json["results"]?[0]?["series"]?[0]?["values"]?[0];
            total += values is null ? 0 : values[1]!.GetValue<long>();
        }

        return total;
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

    /// <summary>Waits until the stored count stops growing for two seconds (or <paramref name="expected"/> is reached).</summary>
    public async Task DrainAsync(long expected, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var last = -1L;
        var stableSince = watch.Elapsed;
        while (watch.Elapsed < timeout)
        {
            var stored = await StoredAsync();
            if (stored >= expected)
            {
                return;
            }

            if (stored != last)
            {
                last = stored;
                stableSince = watch.Elapsed;
            }
            else if (watch.Elapsed - stableSince > TimeSpan.FromSeconds(3))
            {
                return;
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _http.Dispose();
    }
}
