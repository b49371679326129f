using System.Diagnostics;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>Polls a condition until it holds or a deadline passes; the failure message says what was last seen.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (watch.Elapsed > timeout)
            {
                var seen = last is System.Collections.ICollection c ? $"{c.Count} items" : last?.ToString();
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last seen: {seen}");
            }

            await Task.Delay(Poll);
        }
    }

    public static Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(probe()), done, timeout, what);
}
