using System.Globalization;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>What the load generator sends in one scenario (arguments of <c>simulators load</c>).</summary>
internal sealed record LoadSpec(int Devices, int PerMessage, double Rate, double Seconds, int Sweep = 0, double AlertsPerSecond = 0, int First = 0, string TopicPrefix = "")
{
    public IEnumerable<string> Arguments(int fleetSize, int port, string? alertUser, string? alertPassword)
    {
        string S(double v) => v.ToString(CultureInfo.InvariantCulture);
        var args = new List<string>
        {
            "load", "--port", S(port), "--fleet-size", S(fleetSize), "--first", S(First), "--devices", S(Devices),
            "--per-message", S(PerMessage), "--rate", S(Rate), "--duration", S(Seconds), "--connect-parallelism", Sweep > 0 ? "200" : "64",
        };
        if (TopicPrefix.Length > 0)
        {
            args.AddRange(["--topic-prefix", TopicPrefix]);
        }

        if (Sweep > 0)
        {
            args.AddRange(["--sweep", S(Sweep)]);
        }

        if (AlertsPerSecond > 0)
        {
            args.AddRange(["--alerts-per-second", S(AlertsPerSecond), "--alert-delay", "5"]);
            if (alertUser is not null)
            {
                args.AddRange(["--alert-user", alertUser, "--alert-password", alertPassword!]);
            }
        }

        return args;
    }
}
