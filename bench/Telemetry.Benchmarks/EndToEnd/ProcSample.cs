using System.Globalization;

namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>One reading of /proc/&lt;pid&gt;: CPU seconds (user + system, 100 ticks/s) and resident and peak resident memory.</summary>
internal readonly record struct ProcSample(double CpuSeconds, double RssMb, double PeakRssMb)
{
    public static ProcSample Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line) / 1024.0;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kb(line) / 1024.0;
                }
            }

            return new ProcSample(ticks / 100.0, rss, hwm);
        }
        catch (IOException)
        {
            return default;
        }
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
