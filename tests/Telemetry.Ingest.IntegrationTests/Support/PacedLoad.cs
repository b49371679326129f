using System.Diagnostics;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>
/// Devices publishing batched telemetry (several readings per message, as loggers do) at a fixed pace, each message sent only
/// after the previous one was acknowledged. Reading i of a device has device time <c>FirstTimestamp + i s</c>, so what must be
/// stored is known exactly.
/// </summary>
internal sealed class PacedLoad(IReadOnlyList<string> devices, DateTimeOffset firstTimestamp, int messagesPerDevice, int readingsPerMessage, TimeSpan period)
{
    private long _published;

    public IReadOnlyList<string> Devices { get; } = devices;

    public DateTimeOffset FirstTimestamp { get; } = firstTimestamp;

    public int ReadingsPerDevice => messagesPerDevice * readingsPerMessage;

    public int TotalReadings => ReadingsPerDevice * Devices.Count;

    /// <summary>Readings acknowledged so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    public TimeSpan Elapsed { get; private set; }

    public static bool IsPv(string id) => id.StartsWith("PV", StringComparison.Ordinal);

    public IEnumerable<DateTimeOffset> ExpectedTimes => Enumerable.Range(0, ReadingsPerDevice).Select(i => FirstTimestamp.AddSeconds(i));

    /// <param name="publish">Sends (device, topic, payload) and returns once the broker acknowledged it.</param>
    /// <param name="cancellationToken">Ends the run.</param>
    public async Task RunAsync(Func<string, string, string, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Devices.Select(id => Task.Run(() => DeviceAsync(id, watch, publish, cancellationToken), cancellationToken)));
        Elapsed = watch.Elapsed;
    }

    private async Task DeviceAsync(string id, Stopwatch watch, Func<string, string, string, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        var topic = IsPv(id) ? $"pv/{id}/telemetry" : $"barn/{id}/telemetry";
        for (var m = 0; m < messagesPerDevice; m++)
        {
            var wait = (period * m) - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken); // pacing, not waiting for an outcome
            }

            var payload = Payloads.Array(Enumerable.Range(m * readingsPerMessage, readingsPerMessage).Select(i =>
                IsPv(id) ? Payloads.Pv(FirstTimestamp.AddSeconds(i), i % 3, 10_000 + (i * 0.1)) : Payloads.Barn(FirstTimestamp.AddSeconds(i), 15 + (i % 10), 60, 5)));
            await publish(id, topic, payload, cancellationToken);
            Interlocked.Add(ref _published, readingsPerMessage);
        }
    }
}
