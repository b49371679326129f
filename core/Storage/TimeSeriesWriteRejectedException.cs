namespace Telemetry.Core.Storage;

/// <summary>
/// The store refused some points of a batch for good (a field type conflict, a timestamp outside the retention period) and
/// stored the rest. Retrying cannot help, so the writer logs and counts it instead of spooling the batch.
/// </summary>
public sealed class TimeSeriesWriteRejectedException : Exception
{
    public TimeSeriesWriteRejectedException()
    {
    }

    public TimeSeriesWriteRejectedException(string message)
        : base(message)
    {
    }

    public TimeSeriesWriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
