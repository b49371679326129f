using System.Diagnostics;

namespace Telemetry.Alerts.IntegrationTests.Support;

/// <summary>Polls a condition until it holds or a deadline passes; the failure message says what was last seen.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static async Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var last = probe();
            if (done(last))
            {
                return last;
            }

            if (watch.Elapsed > limit)
            {
                var seen = last is System.Collections.ICollection c ? $"{c.Count} items" : last?.ToString();
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}; last seen: {seen}");
            }

            await Task.Delay(Poll);
        }
    }
}
