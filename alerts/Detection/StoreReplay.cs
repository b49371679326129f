using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// Reads the stored readings of every device over a span, in chunks of time, each chunk sorted by device time across
/// devices, so cross-device detectors (the daily peer comparison) see the fleet's time advance together.
/// </summary>
/// <remarks>
/// Only devices whose newest stored reading is inside or after a chunk are read for it: with 100,000 registered devices
/// and a 24-hour replay, asking every device for every chunk costs 1.2 million queries (minutes on SQLite) even when the
/// store is empty, and live detection waits behind them.
/// </remarks>
internal static class StoreReplay
{
    public static readonly TimeSpan Chunk = TimeSpan.FromHours(2);

    public static async IAsyncEnumerable<IReadOnlyList<Reading>> ReadAsync(
        ITimeSeriesStore store, FleetRegistry fleet, DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = new long[fleet.Devices.Count];
        Array.Fill(newest, long.MinValue);
        foreach (var reading in await store.ReadLatestAsync(cancellationToken).ConfigureAwait(false))
        {
            newest[reading.Device.Index] = Math.Max(newest[reading.Device.Index], reading.TimestampMs);
        }

        for (var start = from; start < to; start += Chunk)
        {
            var end = start + Chunk < to ? start + Chunk : to;
            var startMs = start.ToUnixTimeMilliseconds();
            var chunk = new List<Reading>();
            foreach (var device in fleet.Devices)
            {
                if (newest[device.Index] < startMs)
                {
                    continue;
                }

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
