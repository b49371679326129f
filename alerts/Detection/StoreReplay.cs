using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// Reads the stored readings of every device over a span, in chunks of time, each chunk sorted by device time across
/// devices, so cross-device detectors (the daily peer comparison) see the fleet's time advance together.
/// </summary>
internal static class StoreReplay
{
    public static readonly TimeSpan Chunk = TimeSpan.FromHours(2);

    public static async IAsyncEnumerable<IReadOnlyList<Reading>> ReadAsync(
        ITimeSeriesStore store, FleetRegistry fleet, DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = from; start < to; start += Chunk)
        {
            var end = start + Chunk < to ? start + Chunk : to;
            var chunk = new List<Reading>();
            foreach (var device in fleet.Devices)
            {
                if (device is Station)
                {
                    chunk.AddRange(await store.ReadPvAsync(device.Id, start, end, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    chunk.AddRange(await store.ReadBarnAsync(device.Id, start, end, cancellationToken).ConfigureAwait(false));
                }
            }

            chunk.Sort(static (a, b) => a.TimestampMs.CompareTo(b.TimestampMs));
            yield return chunk;
        }
    }
}
