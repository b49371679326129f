namespace Telemetry.Alerts.Notifiers;

/// <summary>Exponential backoff with jitter, so many failing notifications do not retry in lockstep.</summary>
internal static class DeliveryBackoff
{
    /// <summary>The wait after <paramref name="attempts"/> failed attempts: initial × 2^(attempts−1), capped, ×[0.8, 1.2).</summary>
    /// <param name="attempts">Failed attempts so far (1 after the first failure).</param>
    /// <param name="options">Initial and maximum backoff.</param>
    /// <param name="random">A uniform number in [0, 1) for the jitter.</param>
    public static TimeSpan After(int attempts, DeliveryOptions options, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(options.InitialBackoff.Ticks * Math.Pow(2, exponent), options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.8 + (0.4 * random))));
    }
}
