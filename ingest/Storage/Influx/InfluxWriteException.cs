namespace Telemetry.Ingest.Storage.Influx;

/// <summary>A write the server did not accept: its HTTP status (null for a network failure or timeout) and any <c>Retry-After</c>.</summary>
internal sealed class InfluxWriteException : Exception
{
    public InfluxWriteException()
    {
    }

    public InfluxWriteException(string message)
        : base(message)
    {
    }

    public InfluxWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxWriteException(int? status, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        RetryAfter = retryAfter;
    }

    public int? Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth another attempt soon: throttled (429), a server error (5xx) or no answer at all.</summary>
    public bool Transient => Status is null or 0 or 429 or >= 500;

    /// <summary>The points themselves were refused (bad line, type conflict, outside retention): retrying cannot help.</summary>
    public bool Rejected => Status is 400 or 422;
}
