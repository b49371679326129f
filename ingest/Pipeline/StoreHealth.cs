namespace Telemetry.Ingest.Pipeline;

/// <summary>Whether the last write to the time-series store succeeded; read by health checks and <c>/api/stats</c>.</summary>
public sealed class StoreHealth
{
    private volatile string? _lastError;
    private long _failingSinceMs = -1;

    public bool Healthy => _lastError is null;

    public string? LastError => _lastError;

    /// <summary>When the current outage began, or null while healthy.</summary>
    public DateTimeOffset? FailingSince =>
        Interlocked.Read(ref _failingSinceMs) is var ms and >= 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    internal void Succeeded()
    {
        _lastError = null;
        Interlocked.Exchange(ref _failingSinceMs, -1);
    }

    /// <summary>Records a failure; true when it starts a new outage (so the caller logs it loudly once).</summary>
    internal bool Failed(string error, DateTimeOffset now)
    {
        _lastError = error;
        return Interlocked.CompareExchange(ref _failingSinceMs, now.ToUnixTimeMilliseconds(), -1) == -1;
    }
}
