namespace Telemetry.Core.Tests.Simulators;

/// <summary>Awaits a condition with a deadline (re-checked every few milliseconds), instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:F0} s waiting for: {describe()}");
            }
        }
    }
}
