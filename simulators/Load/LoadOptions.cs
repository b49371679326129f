using System.Globalization;

namespace Telemetry.Simulators.Load;

/// <summary>Arguments of <c>simulators load</c> (see <see cref="LoadCommand"/>).</summary>
internal sealed record LoadOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>Size of the generated registry (<see cref="BenchFleet"/>): the device ids follow from it.</summary>
    public int FleetSize { get; init; } = 100_000;

    /// <summary>First device index that publishes.</summary>
    public int First { get; init; }

    /// <summary>Devices that publish, one MQTT connection each.</summary>
    public int Devices { get; init; } = 2_000;

    /// <summary>Readings per message (1 = one reading per message; 10 = a logger's batch, sent as a JSON array).</summary>
    public int PerMessage { get; init; } = 10;

    /// <summary>Total readings per second over all devices; 0 = as fast as the broker acknowledges.</summary>
    public double Rate { get; init; }

    public double DurationSeconds { get; init; } = 30;

    /// <summary>Sweep mode: every device connects, sends this many messages, disconnects (0 = the paced run instead).</summary>
    public int SweepMessages { get; init; }

    /// <summary>Fault readings injected per second (each on a new station), whose alerts are awaited on <c>alerts/#</c>.</summary>
    public double AlertsPerSecond { get; init; }

    /// <summary>No fault is injected before this many seconds (warm-up).</summary>
    public double AlertDelaySeconds { get; init; } = 5;

    public string? AlertUser { get; init; }

    public string? AlertPassword { get; init; }

    public string Password { get; init; } = BenchFleet.Password;

    /// <summary>
    /// Put before every topic (e.g. <c>ref/</c>): the reference runs on a shared broker publish where the service under
    /// test does not subscribe, so it neither sees nor slows them.
    /// </summary>
    public string TopicPrefix { get; init; } = "";

    /// <summary>Simultaneous connection attempts.</summary>
    public int ConnectParallelism { get; init; } = 64;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--host" => o with { Host = value },
                "--port" => o with { Port = Int(value) },
                "--fleet-size" => o with { FleetSize = Int(value) },
                "--first" => o with { First = Int(value) },
                "--devices" => o with { Devices = Int(value) },
                "--per-message" => o with { PerMessage = Int(value) },
                "--rate" => o with { Rate = Double(value) },
                "--duration" => o with { DurationSeconds = Double(value) },
                "--sweep" => o with { SweepMessages = Int(value) },
                "--alerts-per-second" => o with { AlertsPerSecond = Double(value) },
                "--alert-delay" => o with { AlertDelaySeconds = Double(value) },
                "--alert-user" => o with { AlertUser = value },
                "--alert-password" => o with { AlertPassword = value },
                "--password" => o with { Password = value },
                "--topic-prefix" => o with { TopicPrefix = value },
                "--connect-parallelism" => o with { ConnectParallelism = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        if (o.First + o.Devices > o.FleetSize || o.Devices < 1 || o.PerMessage < 1)
        {
            throw new ArgumentException("--first + --devices must lie within --fleet-size, with at least one device and one reading per message");
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
