using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// The stream of readings that are durably stored, in batch order. Alerts, revenue and live state subscribe here,
/// so they only ever see data that the store has too. A failing subscriber is logged and never stops ingest.
/// </summary>
public sealed partial class ReadingHub : IDisposable
{
    private readonly Subject<IReadOnlyList<Reading>> _batches = new();
    private readonly ILogger<ReadingHub> _logger;

    public ReadingHub(ILogger<ReadingHub> logger)
    {
        _logger = logger;
        Batches = _batches;
    }

    /// <summary>Each stored batch, on the writer's thread; keep handlers short or observe on your own scheduler.</summary>
    public IObservable<IReadOnlyList<Reading>> Batches { get; }

    internal void Publish(IReadOnlyList<Reading> batch)
    {
        try
        {
            _batches.OnNext(batch);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop storage; it is logged with its stack.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSubscriberFailed(e);
        }
    }

    public void Dispose() => _batches.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of stored readings failed; ingest continues")]
    private partial void LogSubscriberFailed(Exception exception);
}
